import { normaliseText } from './normalise-text.js';

/**
 * What a message that asks nothing of the FAQs is doing. Citizens greet, thank, say goodbye, ask
 * who they are talking to or how it is going; matched against the FAQs, "thanks, have a nice day"
 * finds whichever FAQ mentions days. Such a message gets a friendly reply of its own and is
 * counted as an abstention (it is not a question the FAQs failed to answer).
 */
export type SmallTalkKind = 'greeting' | 'thanks' | 'farewell' | 'identity' | 'wellbeing' | 'joke';

/**
 * Patterns per kind over normalised text (lower-case English; written Chinese in Simplified
 * characters, after the Cantonese lexicon: 係咪 → 是否, 咩 → 甚么, 唔該 → 请). Order matters
 * only for naming the kind: the first kind found names the message.
 */
const PATTERNS: ReadonlyArray<readonly [SmallTalkKind, RegExp]> = [
  ['identity', /\b(?:who|what) are (?:you|u)\b|\bwhat(?:'?s| is) your name\b|\bare (?:you|u) (?:an? )?(?:real )?(?:human|person|bot|robot|machine|ai|chatbot|computer|real)(?: (?:or|and) (?:an? )?(?:real )?(?:human|person|bot|robot|machine|ai|chatbot|computer))?\b|\bis this an? (?:bot|robot|real person|human|person)\b/g],
  ['identity', /你(?:是|系)(?:谁|边个)|你叫(?:什么|甚么|乜)(?:名字?)?|你(?:的)?名字(?:是|叫)?(?:什么|甚么)?|你?(?:是否|是不是|是)?(?:真人|机械人|机器人|人工智能)(?:来|吗)?/g],
  ['wellbeing', /\bhow are (?:you|u)(?: doing)?(?: today)?\b|\bhow(?:'?s| is) it going\b|\bwh?at'?s up\b|\bwassup\b|\bhow do you do\b/g],
  ['wellbeing', /你(?:今天)?好吗|(?:今天)?心情(?:怎么样|如何|好吗|点样)|你(?:今天)?(?:过得)?(?:怎么样|点样|好唔好)|吃(?:了)?饭(?:了)?(?:吗|未)|食咗饭未/g],
  ['joke', /\btell me a joke\b|\bsay something funny\b/g],
  ['joke', /(?:给我|同我|跟我)?(?:讲|说)一?个?笑话/g],
  ['thanks', /\b(?:thank (?:you|u)|thanks?|thx|tks|ty|cheers|many thanks|much appreciated|appreciate it)\b(?: (?:so|very) much| a lot| again)?(?: for (?:your|the|all) help| for helping)?/g],
  ['thanks', /(?:谢谢|多谢|感谢|唔该|请晒|万分感谢)(?:你|您|晒|哂|你们)?(?:的帮忙|的帮助)?/g],
  ['farewell', /\b(?:bye(?: bye)?|good ?bye|see (?:you|ya)(?: later)?|take care|good night|have a (?:nice|good|great|lovely) (?:day|one|evening|weekend|night))\b/g],
  ['farewell', /再见|拜拜|下次见|晚安/g],
  ['greeting', /\b(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day))\b(?: there)?/g],
  ['greeting', /你好|您好|哈喽|哈啰|早晨|早安|早上好|午安|下午好|晚上好/g],
];

/** What may be left around small talk without making it a question: particles, fillers, you/me. */
const FILLER = /\b(?:and|so|ok|okay|oh|ah|la|lor|wor|yeah|yes|very|much|you|u|too|again|all|bot|robot|great|nice|please|pls)\b|[呀啊吧呢啦嘛喔哦吗嘛啰咯哈嗨喂你您呵噢唷嘿的了哂晒来嚟]/g;

/**
 * The kind of small talk a message is, or undefined when it asks anything else — a greeting
 * followed by a question ("hi, how do I renew my passport?") is a question.
 *
 * @example
 * detectSmallTalk('thanks, have a nice day') // 'thanks'
 * detectSmallTalk('你好呀，你叫咩名？') // 'identity'
 * detectSmallTalk('hi, how do I renew my passport?') // undefined
 */
export function detectSmallTalk(text: string): SmallTalkKind | undefined {
  let rest = normaliseText(text).simplified;
  let kind: SmallTalkKind | undefined;
  for (const [k, pattern] of PATTERNS) {
    rest = rest.replace(pattern, () => {
      // The first kind in PATTERNS order names the message: "hi, who are you?" is about identity.
      kind ??= k;
      return ' ';
    });
  }
  if (kind === undefined) return undefined;
  return /[\p{L}\p{N}]/u.test(rest.replace(FILLER, ' ')) ? undefined : kind;
}
