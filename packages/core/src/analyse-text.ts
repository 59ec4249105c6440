import { segmentChinese } from './chinese-segmenter.js';
import { expandAbbreviation } from './english-abbreviations.js';
import { stemEnglish } from './language-bridge.js';
import { normaliseText, type NormalisedText } from './normalise-text.js';
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stop-words.js';

/**
 * Turns text into the weighted terms that BM25 and the built-in embedder compare. Terms are
 * script-neutral: English words become Porter stems, Chinese becomes jieba words plus character
 * bigrams (in Simplified characters), so 續期 / 续期 and renewing / renewal meet.
 */
export interface AnalysedText {
  readonly normalised: NormalisedText;
  /** Term → weight (a word counts 1 each time it occurs, a Chinese bigram ½). */
  readonly terms: ReadonlyMap<string, number>;
  /** English words as written (lower-case, not stemmed, no stop words), for synonym look-up. */
  readonly englishWords: readonly string[];
  /** Chinese words as segmented (Simplified, no stop words), for dictionary look-up. */
  readonly chineseWords: readonly string[];
}

/** Weight of a character bigram relative to a word: bigrams rescue segmentation mismatches. */
export const BIGRAM_WEIGHT = 0.5;

const HAN = /\p{Script=Han}/u;
const RUNS = /[\p{Script=Han}]+|[a-z0-9]+(?:-[a-z0-9]+)*/gu;

/**
 * @example
 * analyseText('我想renew身份證').terms // Map { 'renew' => 1, '身份证' => 1, '身份' => 0.5, ... }
 */
export function analyseText(raw: string): AnalysedText {
  const normalised = normaliseText(raw);
  const terms = new Map<string, number>();
  const englishWords: string[] = [];
  const chineseWords: string[] = [];
  const add = (term: string, weight: number): void => {
    terms.set(term, (terms.get(term) ?? 0) + weight);
  };

  for (const match of normalised.simplified.matchAll(RUNS)) {
    const run = match[0];
    if (HAN.test(run)) {
      for (const word of segmentChinese(run)) {
        if (!HAN.test(word) || CHINESE_STOP_WORDS.has(word)) continue;
        add(word, 1);
        chineseWords.push(word);
      }
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) {
        const bigram = chars[i]! + chars[i + 1]!;
        if (!CHINESE_STOP_WORDS.has(bigram)) add(bigram, BIGRAM_WEIGHT);
      }
      continue;
    }
    // English and numbers: hyphenated forms count as the joined word and as their parts,
    // so "e-channel", "echannel" and "e channel" meet.
    const parts = run.split('-');
    const words = (parts.length > 1 ? [parts.join(''), ...parts] : parts).flatMap((w) => expandAbbreviation(w).split(' '));
    for (const word of words) {
      if (ENGLISH_STOP_WORDS.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
      add(/^\d+$/.test(word) ? word : stemEnglish(word), 1);
      englishWords.push(word);
    }
  }
  return { normalised, terms, englishWords, chineseWords };
}
