import { segmentChinese } from './chinese-segmenter.js';
import { expandAbbreviation } from './english-abbreviations.js';
import { stemEnglish } from './language-bridge.js';
import { quantityTerms } from './quantities.js';
import { normaliseText, type NormalisedText } from './normalise-text.js';
import { detectIntents, intentTerm } from './question-intent.js';
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stop-words.js';

/**
 * Turns text into the weighted terms that BM25 and the built-in embedder compare. Terms are
 * script-neutral: English words become Porter stems, Chinese becomes jieba words plus character
 * bigrams and single characters (in Simplified characters), so 續期 / 续期 and renewing / renewal
 * meet; a question also yields language-neutral intent terms (?amount, ?where; see
 * question-intent.ts).
 */
export interface AnalysedText {
  readonly normalised: NormalisedText;
  /** Term → weight (a word counts 1 each time it occurs, a Chinese bigram ½, a character 0.3). */
  readonly terms: ReadonlyMap<string, number>;
  /** English words as written (lower-case, not stemmed, no stop words), for synonym look-up. */
  readonly englishWords: readonly string[];
  /** Chinese words as segmented (Simplified, no stop words), for dictionary look-up. */
  readonly chineseWords: readonly string[];
  /** Adjacent English word pairs as written, stop words included ("sign up"), for phrase look-up. */
  readonly englishPhrases: readonly string[];
}

/** Weight of a character bigram relative to a word: bigrams rescue segmentation mismatches. */
export const BIGRAM_WEIGHT = 0.5;
/**
 * Weight of a single Chinese character. Words and bigrams miss when a citizen's phrasing splits
 * differently from the FAQ's (交唔起租 vs 租金, 強積金 that jieba cuts as 强 + 积金), while the
 * characters still meet; at a low weight they break ties without outvoting whole words.
 */
export const UNIGRAM_WEIGHT = 0.3;
/** Weight of a question-intent term (see question-intent.ts) relative to a word. */
export const INTENT_WEIGHT = 1;

export interface AnalyseOptions {
  /**
   * Add question-intent terms (?amount, ?where…). True for questions (queries, FAQ questions and
   * alternates); false for answers, whose "you can… where… how much" describe, not ask.
   */
  readonly intents?: boolean;
}

const HAN = /\p{Script=Han}/u;
const RUNS = /[\p{Script=Han}]+|[a-z0-9]+(?:-[a-z0-9]+)*/gu;

/**
 * @example
 * analyseText('我想renew身份證').terms // Map { 'renew' => 1, '身份证' => 1, '身份' => 0.5, '身' => 0.3, ... }
 * analyseText('申請要幾耐？').terms.get('?duration') // 1
 */
export function analyseText(raw: string, options: AnalyseOptions = {}): AnalysedText {
  const normalised = normaliseText(raw);
  const terms = new Map<string, number>();
  const englishWords: string[] = [];
  const chineseWords: string[] = [];
  const englishPhrases: string[] = [];
  let previousWord: string | undefined;
  const add = (term: string, weight: number): void => {
    terms.set(term, (terms.get(term) ?? 0) + weight);
  };

  for (const match of withoutIdioms(normalised.simplified).matchAll(RUNS)) {
    const run = match[0];
    if (HAN.test(run)) {
      for (const word of segmentChinese(run)) {
        if (!HAN.test(word) || CHINESE_STOP_WORDS.has(word)) continue;
        add(word, 1);
        chineseWords.push(word);
      }
      previousWord = undefined;
      const chars = [...run];
      if (UNIGRAM_WEIGHT > 0) for (const c of chars) if (!CHINESE_STOP_WORDS.has(c)) add(c, UNIGRAM_WEIGHT);
      for (let i = 0; i + 1 < chars.length; i++) {
        const bigram = chars[i]! + chars[i + 1]!;
        if (!CHINESE_STOP_WORDS.has(bigram)) add(bigram, BIGRAM_WEIGHT);
      }
      continue;
    }
    // English and numbers: hyphenated forms count as the joined word and as their parts,
    // so "e-channel", "echannel" and "e channel" meet.
    const parts = run.includes('-') ? run.split('-') : [run];
    const words: string[] = [];
    for (const form of parts.length > 1 ? [parts.join(''), ...parts] : parts) {
      const expanded = expandAbbreviation(form);
      // Most words are no abbreviation, and a run has no space: no array to split them into.
      if (expanded === form) words.push(form);
      else words.push(...expanded.split(' '));
    }
    for (const word of words) {
      if (parts.length === 1) {
        if (previousWord !== undefined) englishPhrases.push(`${previousWord} ${word}`);
        previousWord = word;
      }
      if (ENGLISH_STOP_WORDS.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
      add(/^\d+$/.test(word) ? word : stemEnglish(word), 1);
      englishWords.push(word);
    }
    if (parts.length > 1) previousWord = undefined;
  }
  // Amounts in one written form (一千 → 1000, 500k → 500000): FAQs write digits, people don't.
  for (const term of quantityTerms(normalised.simplified)) if (!terms.has(term)) add(term, 1);
  if (options.intents ?? true) for (const intent of detectIntents(raw)) add(intentTerm(intent), INTENT_WEIGHT);
  return { normalised, terms, englishWords, chineseWords, englishPhrases };
}

/**
 * "right" in "right now", "right away", "all right" is an adverb, not the noun of "employment
 * rights": left in, "what's the temperature right now" half-matches an FAQ about rights.
 */
const ADVERBIAL_RIGHT = /\ball right\b|\bright(?= (?:now|away|here|there)\b)/g;

function withoutIdioms(text: string): string {
  return text.includes('right') ? text.replace(ADVERBIAL_RIGHT, ' ') : text;
}
