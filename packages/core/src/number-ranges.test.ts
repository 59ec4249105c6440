import { describe, expect, it } from 'vitest';
import { fitsRange, numbersIn, rangesIn } from '@govchat/core';

describe('numbersIn', () => {
  it.each([
    ['can my 13 yo daughter register', [13]],
    ['個女三歲，想整護照', [3]],
    ['個仔今年十三歲', [13]],
    ['我阿爸七十五歲', [75]],
    ['we got around 500 saved', [500]],
    ['we got around 500k saved', [500000]],
    ['听说用满一千块会送五百', [1000, 500]],
    ['月入已達十萬元', [100000]],
    // Years say when, not how many; a numeral before no unit is an article (一周, 一次).
    ['what changed in 2026', []],
    ['外佣一周要放几天假', []],
    ['no numbers here', []],
  ] as const)('%s → %j', (text, expected) => {
    expect(numbersIn(text)).toEqual(expected);
  });
});

describe('rangesIn and fitsRange', () => {
  it('reads inclusive, open-below and open-above ranges in English and Chinese', () => {
    expect(rangesIn('How can a child aged 11 to 17 register?')).toEqual([{ min: 11, max: 17 }]);
    expect(rangesIn('11至15歲的子女如何申請護照？')).toEqual([{ min: 11, max: 15 }]);
    expect(fitsRange([13], rangesIn('11至17歲的子女如何登記？'))).toBe(true);
    expect(fitsRange([18], rangesIn('11至17歲的子女如何登記？'))).toBe(false);
    expect(fitsRange([3], rangesIn('How do I apply for a passport for my child under 11?'))).toBe(true);
    expect(fitsRange([11], rangesIn('如何為未滿11歲的子女申請護照？'))).toBe(false);
    expect(fitsRange([65], rangesIn('Can people aged 65 or above get vouchers?'))).toBe(true);
    expect(fitsRange([64], rangesIn('65歲或以上的長者可否申請？'))).toBe(false);
    expect(fitsRange([70], rangesIn('Is there priority for applicants over 58?'))).toBe(true);
  });

  it('finds no range in a question without one', () => {
    expect(rangesIn('How much does an HKSAR passport cost?')).toEqual([]);
    expect(fitsRange([13], [])).toBe(false);
  });
});
