/**
 * Quantities as people write them: "HK$2,000", "500k", "1.5萬", 「一千」, 「兩萬五」, 「十萬元」.
 * FAQs state amounts in Arabic numerals ("spend HK$1,000 or more … an extra HK$500"), citizens in
 * whatever comes to hand (「听说用满一千块会送五百」), so the analyser gives every quantity one
 * written form — its value in Arabic digits — and retrieval can match them as words.
 */

/** One quantity found in (normalised, Simplified, lower-case) text. */
export interface Quantity {
  readonly value: number;
  /** Where it starts in the text. */
  readonly index: number;
  /** How the text wrote it. */
  readonly written: string;
  /** Written in Chinese numerals (「五百」) rather than digits. */
  readonly chinese: boolean;
  /**
   * A count, not an article: a unit (歲, 元, 個月…) or multiplier (k, 萬) follows, or a Chinese
   * numeral has a place (十, 百, 千). 一 in 一周 is not one.
   */
  readonly unit: boolean;
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, 千: 1e3, 万: 1e4, 萬: 1e4, 百万: 1e6, 百萬: 1e6, million: 1e6, mil: 1e6, 亿: 1e8, 億: 1e8 };

const ARABIC = /(\d+(?:\.\d+)?)(?:\s*(k|thousand|million|mil)\b|(百万|百萬|千|万|萬|亿|億))?/g;
const CHINESE = /[零〇一二两兩三四五六七八九十百千万萬亿億]+/g;
/** A Chinese numeral counts only before a unit: in 一周 or 一次 it is an article, not a quantity. */
const UNIT_AFTER = /^(?:岁|歲|个月|個月|年|月|日|天|人|元|蚊|块|塊|周岁|港元|港币|港幣|倍|小时|小時|分钟|分鐘)/;

/**
 * The value of a Chinese numeral (十三 → 13, 一千五百 → 1500, 十万 → 100000), or undefined when
 * it is not one number (三四, "three or four"). A trailing digit after a unit is the next place
 * down, as people say it: 一万二 is 12000, 三千五 is 3500, 两百五 is 250.
 *
 * @example chineseNumberValue('一千五百') // 1500
 * @example chineseNumberValue('一万二')   // 12000
 */
export function chineseNumberValue(text: string): number | undefined {
  let total = 0; // completed 万 and 亿 sections
  let section = 0; // below 万, so far
  let digit: number | undefined;
  let lastUnit = 0;
  let zero = false; // a 零 since the last unit: 一百零五 is 105, not 150
  for (const ch of text) {
    if (DIGITS[ch] !== undefined) {
      if (DIGITS[ch] === 0) zero = true;
      else if (digit !== undefined) return undefined; // 三四 is "three or four"
      else digit = DIGITS[ch];
    } else if (SMALL_UNITS[ch] !== undefined) {
      section += (digit ?? 1) * SMALL_UNITS[ch];
      [digit, lastUnit, zero] = [undefined, SMALL_UNITS[ch], false];
    } else if (LARGE_UNITS[ch] !== undefined) {
      const amount = section + (digit ?? 0) || 1;
      // 亿 scales everything before it; 万 only its own section (一亿五千万 = 150,000,000).
      total = LARGE_UNITS[ch] === 1e8 ? (total + amount) * 1e8 : total + amount * 1e4;
      [section, digit, lastUnit, zero] = [0, undefined, LARGE_UNITS[ch], false];
    } else return undefined;
  }
  // 一万二, 三千五, 两百五: a bare digit after a unit of 百 or more is the next place down.
  const place = digit !== undefined && !zero && lastUnit >= 100 ? lastUnit / 10 : 1;
  return total + section + (digit ?? 0) * place;
}

/**
 * Every quantity in normalised text, digits (with k / thousand / 萬 multipliers) and Chinese
 * numerals alike.
 *
 * @example quantitiesIn('500k').map((q) => q.value)          // [500000]
 * @example quantitiesIn('听说用满一千块会送五百').map((q) => q.value) // [1000, 500]
 */
export function quantitiesIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const multiplier = MULTIPLIERS[m[2] ?? m[3] ?? ''] ?? 1;
    const value = Math.round(Number(m[1]) * multiplier * 100) / 100;
    out.push({ value, index: m.index!, written: m[0], chinese: false, unit: multiplier > 1 || UNIT_AFTER.test(text.slice(m.index! + m[0].length)) });
  }
  for (const m of text.matchAll(CHINESE)) {
    // Part of an Arabic quantity already read (the 萬 of 1.5萬).
    if (out.some((q) => !q.chinese && m.index! < q.index + q.written.length && m.index! >= q.index)) continue;
    const value = chineseNumberValue(m[0]);
    if (value === undefined) continue;
    const unit = UNIT_AFTER.test(text.slice(m.index! + m[0].length)) || /[十百千万萬亿億]/.test(m[0]);
    out.push({ value, index: m.index!, written: m[0], chinese: true, unit });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * A number that reads as a calendar year (1900–2100): "in 2026" says when, not how many.
 * @example isYear(2026) // true
 */
export function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1900 && value <= 2100;
}

/**
 * The quantities worth matching as words: every multiplied or Chinese-written amount that is a
 * count (a unit follows, or it has a place such as 百 or 千), in Arabic digits. Plain digits
 * are words already.
 *
 * @example quantityTerms('我想知道一千五百蚊') // ['1500']
 */
export function quantityTerms(text: string): string[] {
  return quantitiesIn(text)
    .filter((q) => (q.chinese ? q.unit : q.value !== Number(q.written)))
    .map((q) => String(q.value));
}
