import { toWrittenChinese } from './cantonese-lexicon.js';
import { scriptConverter } from './chinese-script-converter.js';

/** Converts Simplified (mainland) Chinese to Traditional with Hong Kong variants. */
export const toTraditional: (text: string) => string = scriptConverter('cn', 'hk');
/** Converts Hong Kong Traditional Chinese to Simplified. */
export const toSimplified: (text: string) => string = scriptConverter('hk', 'cn');

export interface NormalisedText {
  /** Traditional, written (not colloquial) Chinese and lower-case half-width Latin. */
  readonly written: string;
  /** The same text in Simplified characters: the form tokens are compared in. */
  readonly simplified: string;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// Punctuation of both scripts becomes a space, so it separates words and nothing else.
const PUNCTUATION = /[\p{P}\p{S}]+/gu;
// A hyphen inside a word (e-channel, iam-smart) is kept; the analyser splits and joins it.
const INNER_HYPHEN = /(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu;
const HYPHEN_MARK = '\u0000';
// A-not-A questions (能不能, 有沒有, 犯不犯法, and Cantonese 得唔得 once 唔 is 不) ask what written
// Chinese asks with 是否: one form, so they meet the FAQ's 可否 / 是否 instead of adding noise.
const A_NOT_A = /(\p{Script=Han})[不沒]\1/gu;

/**
 * Brings any citizen's text to one comparable form: width and case folded (NFKC), punctuation
 * removed, Simplified → Traditional, colloquial Cantonese → written Chinese, then also Simplified
 * for segmentation (jieba's dictionary is Simplified).
 *
 * @example
 * normaliseText('點樣登記「智方便」？').written   // '如何登記 智方便'
 * normaliseText('怎么续签护照').written          // '怎麼續簽護照'
 * normaliseText('能不能网上续期').written        // '是否能網上續期'
 */
export function normaliseText(raw: string): NormalisedText {
  let text = raw.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase();
  text = text
    .replace(/(?<=[a-z])['’](?=[a-z])/g, '') // don't → dont, one word
    .replace(/(?<=\d),(?=\d{3})/g, '') // 2,000 → 2000
    .replace(INNER_HYPHEN, HYPHEN_MARK)
    .replace(PUNCTUATION, ' ')
    .replaceAll(HYPHEN_MARK, '-');
  text = toWrittenChinese(toTraditional(text)).replace(A_NOT_A, '是否$1');
  text = text.replace(/\s+/g, ' ').trim();
  return { written: text, simplified: toSimplified(text) };
}
