import { normaliseText } from './normalise-text.js';

/**
 * What kind of answer a question asks for: a fee or amount, a duration, a place, a time, a
 * person, a reason, a consequence, a definition, a procedure, or whether something is allowed
 * ("Can I use vouchers at a dentist?", 可唔可以網上申請: the FAQ asking "Can I…?" answers it, not
 * its "How do I…?" neighbour). FAQs on one topic differ mostly in this (the fee
 * of a passport, how long it takes, where to apply), yet the words that say it (how much, 幾多錢,
 * 多久, where, 邊度) are stop words to BM25. Each intent becomes one language-neutral term, so
 * "how long" in English meets 多久 in an FAQ's Chinese question and IDF decides how much a rare
 * intent is worth.
 *
 * Patterns read normalised Simplified text (see normalise-text.ts): colloquial Cantonese has
 * already become written Chinese (幾耐 → 多久, 邊度 → 哪里, 點解 → 为何), so only Mandarin and
 * English forms are listed. Only question words are matched, never a topic's vocabulary.
 */
export type QuestionIntent =
  | 'amount'
  | 'duration'
  | 'frequency'
  | 'when'
  | 'where'
  | 'who'
  | 'why'
  | 'consequence'
  | 'definition'
  | 'remedy'
  | 'procedure'
  | 'permission';

interface IntentPattern {
  readonly intent: QuestionIntent;
  readonly english?: RegExp;
  readonly chinese?: RegExp;
}

// English auxiliaries that make "when …" a question rather than a condition ("work when it rains").
const AUX = '(?:do|does|did|can|could|will|would|should|must|is|are|was|were|shall|may|might|have|has)';

const PATTERNS: readonly IntentPattern[] = [
  { intent: 'amount', english: /\bhow (?:much|many)\b|\bwhat (?:is|are) the (?:cost|costs|fee|fees|price|charge|charges|amount)\b/, chinese: /多少|几多|几钱/ },
  { intent: 'duration', english: /\bhow long\b|\bhow many (?:days|weeks|months|years|hours)\b/, chinese: /多久|多长时间|多长|几天|几日|几个月|几年/ },
  { intent: 'frequency', english: /\bhow (?:often|frequently)\b/, chinese: /多久.{0,6}一次|多常|频率|频密|每隔多久/ },
  { intent: 'when', english: new RegExp(`(?:^|\\b(?:and|so|but|then)\\s)when\\s+${AUX}\\b|\\bwhat time\\b|\\bwhich (?:day|date|month)\\b`), chinese: /何时|什么时候|甚么时候|哪天|哪一天|几时|几点/ },
  { intent: 'where', english: /\bwhere\b/, chinese: /哪里|哪儿|何处|在哪|去哪|什么地方|甚么地方/ },
  { intent: 'who', english: /\bwho(?:m|se)?\b/, chinese: /谁|什么人|甚么人|哪些人|哪位/ },
  { intent: 'why', english: /\bwhy\b|\bhow come\b/, chinese: /为何|为什么|为甚么|何解/ },
  { intent: 'consequence', english: /\bwhat (?:happens|will happen|would happen|happened)\b|\bwhat if\b/, chinese: /后果|会怎样|会怎么样|会如何|会有什么|会有甚么|会点/ },
  { intent: 'definition', english: /^(?:what|whats) (?:is|are|s)\b(?! (?:the |an? )?(?:[a-z-]+ ){0,2}(?:limit|limits|cost|costs|fee|fees|price|amount|rate|maximum|minimum|number|deadline)\b)|\bwhat does .+ (?:do|mean)\b|\bwhat (?:is|are) (?:it|they|this|that|these) (?:used )?for\b/, chinese: /是什么$|是甚么$|什么是|甚么是|干什么|干嘛|有什么用|有甚么用|什么用途|甚么用途|做什么用/ },
  { intent: 'remedy', english: /\bwhat (?:can|should|do|shall) (?:i|we) do\b|\bwhat now\b|\bwhat are my options\b/, chinese: /怎么办|如何处理|点算|怎样处理|怎么处理/ },
  { intent: 'permission', english: /^(?:can|could|may|am i allowed|is it possible|is it ok|is it okay)\b|(?<!\b(?:how|where|when|what|who|whom|which|why) )\b(?:can|could|may) (?:i|we|my|he|she|they)\b/, chinese: /可否|能否|是否可以|是否能|可以.{0,12}吗|能.{0,12}吗|可不可以|准不准|允许/ },
  { intent: 'procedure', english: /\bhow (?:do|does|can|could|should|to|would)\b/, chinese: /如何|怎样|怎么(?!办|样)|怎麼|点样/ },
];

const INTENT_PREFIX = '?';

/**
 * The intents a question expresses, at most one term each. Reads raw text: each sentence is
 * normalised on its own, so "what is …" is recognised at the start of any of them.
 *
 * @example
 * detectIntents('How long does it take?') // ['duration']
 * detectIntents('申請要幾耐？') // ['duration']
 */
export function detectIntents(raw: string): QuestionIntent[] {
  const clauses = raw
    .split(/[\n.!?;。！？；]+/)
    .map((c) => normaliseText(c).simplified)
    .filter((c) => c !== '');
  const out: QuestionIntent[] = [];
  for (const { intent, english, chinese } of PATTERNS) {
    if (clauses.some((c) => (english !== undefined && english.test(c)) || (chinese !== undefined && chinese.test(c)))) out.push(intent);
  }
  return out;
}

/**
 * The term an intent is indexed and queried as; no analysed word can look like it.
 *
 * @example intentTerm('where') // '?where'
 */
export function intentTerm(intent: QuestionIntent): string {
  return INTENT_PREFIX + intent;
}

/** @example isIntentTerm('?where') // true */
export function isIntentTerm(term: string): boolean {
  return term.startsWith(INTENT_PREFIX);
}
