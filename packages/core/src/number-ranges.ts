import { normaliseText } from './normalise-text.js';
import { isYear, quantitiesIn } from './quantities.js';

/**
 * Numbers against the ranges FAQs are written for. "Can my 13 yo daughter register?" shares no
 * word with "How can a child aged 11 to 17 register?" — 13 is not 11 or 17 — yet it is exactly
 * that FAQ; 「個女三歲」 is the "under 11" passport FAQ, not the "11 to 15" one. Matching text
 * cannot see that a number falls inside a range, so retrieval asks this module.
 */

/** An inclusive range; either end may be open. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The quantities a question states, in Arabic or Chinese numerals (see quantities.ts), years
 * left out (isYear).
 *
 * @example numbersIn('個女三歲，想整護照') // [3]
 * @example numbersIn('can my 13 yo daughter register') // [13]
 */
export function numbersIn(text: string): number[] {
  return quantitiesIn(normaliseText(text).simplified)
    .filter((q) => !q.chinese || q.unit)
    .map((q) => q.value)
    .filter((n) => !isYear(n));
}

const N = String.raw`(\d+(?:\.\d+)?)`;
/** Range phrasings in FAQ questions, English and Chinese (after normalisation, Simplified). */
const RANGE_PATTERNS: ReadonlyArray<readonly [RegExp, (a: number, b: number) => NumberRange]> = [
  [new RegExp(String.raw`${N}\s*(?:to|-|–|—|至|到|－|~)\s*${N}`, 'g'), (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) })],
  [new RegExp(String.raw`(?:under|below|less than|younger than|未满|未足|不足|低于|少于)\s*${N}`, 'g'), (a) => ({ min: -Infinity, max: a - 1e-9 })],
  [new RegExp(String.raw`(?:over|above|more than|older than|超过|高于|多于)\s*${N}`, 'g'), (a) => ({ min: a + 1e-9, max: Infinity })],
  [new RegExp(String.raw`${N}\s*(?:or (?:above|over|older|more)|and (?:above|over)|\+|岁或以上|岁以上|或以上|以上)`, 'g'), (a) => ({ min: a, max: Infinity })],
  [new RegExp(String.raw`${N}\s*(?:or (?:below|under|younger|less)|岁或以下|岁以下|或以下|以下)`, 'g'), (a) => ({ min: -Infinity, max: a })],
];

/**
 * The numeric ranges a text is written for ("aged 11 to 17", 「未滿11歲」, "65 or above").
 *
 * @example rangesIn('How can a child aged 11 to 17 register?') // [{ min: 11, max: 17 }]
 */
export function rangesIn(text: string): NumberRange[] {
  const written = normaliseText(text).simplified;
  const out: NumberRange[] = [];
  for (const [pattern, toRange] of RANGE_PATTERNS) {
    for (const m of written.matchAll(pattern)) out.push(toRange(Number(m[1]), Number(m[2] ?? m[1])));
  }
  return out;
}

/**
 * Whether any of the numbers falls inside any of the ranges.
 * @example fitsRange([13], rangesIn('11至17歲的子女如何登記？')) // true
 */
export function fitsRange(numbers: readonly number[], ranges: readonly NumberRange[]): boolean {
  return numbers.some((n) => ranges.some((r) => n >= r.min && n <= r.max));
}
