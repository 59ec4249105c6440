import { describe, expect, it } from 'vitest';
import { analyseText, chineseNumberValue, quantitiesIn, quantityTerms } from '@govchat/core';

describe('chineseNumberValue', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['七十五', 75],
    ['一百二十', 120],
    ['一百零五', 105],
    ['兩', 2],
    ['五百', 500],
    ['一千五百', 1500],
    ['十万', 100000],
    ['两万五千', 25000],
    ['一亿五千万', 150000000],
    // Spoken shorthand: the bare digit is the next place down.
    ['一万二', 12000],
    ['三千五', 3500],
    ['两百五', 250],
  ] as const)('%s → %d', (text, value) => {
    expect(chineseNumberValue(text)).toBe(value);
  });

  it('is undefined for a run of digits that is not one number', () => {
    expect(chineseNumberValue('三四')).toBeUndefined();
  });
});

describe('quantitiesIn', () => {
  it('reads multipliers after digits: k, thousand, 千, 万', () => {
    expect(quantitiesIn('500k 1.5万 3 thousand 2千').map((q) => q.value)).toEqual([500000, 15000, 3000, 2000]);
  });

  it('does not take units of measure for multipliers', () => {
    expect(quantitiesIn('5kg 100km').map((q) => q.value)).toEqual([5, 100]);
  });

  it('marks a Chinese numeral a count only before a unit or with a place', () => {
    const [article, count] = quantitiesIn('一周做十三日');
    expect(article).toMatchObject({ value: 1, unit: false });
    expect(count).toMatchObject({ value: 13, unit: true });
  });
});

describe('quantityTerms', () => {
  it('writes every spoken or multiplied amount in digits, and leaves plain digits (already words) out', () => {
    expect(quantityTerms('听说用满一千块会送五百')).toEqual(['1000', '500']);
    expect(quantityTerms('savings around 500k')).toEqual(['500000']);
    expect(quantityTerms('hk$2000 一周')).toEqual([]);
  });

  it('lets the analyser match an amount however it is written', () => {
    const faq = analyseText('spend HK$1,000 or more and get an extra HK$500', { intents: false }).terms;
    const asked = analyseText('用满一千块会送五百？').terms;
    expect(faq.has('1000') && asked.has('1000')).toBe(true);
    expect(faq.has('500') && asked.has('500')).toBe(true);
  });
});
