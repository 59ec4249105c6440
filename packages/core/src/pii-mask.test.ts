import { describe, expect, it } from 'vitest';
import { isLuhnValid, isValidHkid, maskPersonalData } from './pii-mask.js';

// Check digits below were computed with the official weighting (space = 36 for a
// single-letter prefix, weights 9..2, A=10..Z=35, check = 11 - sum % 11).
//   A123456 → 3   AB987654 → 3   K123456 → 0 (11 → "0")   G123456 → A (10 → "A")
//   Z683365 → A   WX135792 → A   C668668 → 9   E123456 → 4

describe('isValidHkid', () => {
  it.each([
    'A123456(3)',
    'A1234563',
    'a123456(3)',
    'A123456 (3)',
    'A 123456(3)',
    'A123456( 3 )',
    'AB987654(3)',
    'ab9876543',
    'K123456(0)',
    'G123456(A)',
    'G123456(a)',
    'Z683365A',
    'WX135792(A)',
    'C668668(9)',
    'Ａ１２３４５６（３）',
    'A123456（3）',
  ])('accepts %s', (value) => {
    expect(isValidHkid(value)).toBe(true);
  });

  it.each([
    'A123456(4)',
    'A1234564',
    'A123456(A)',
    'AB987654(2)', // same shape as the brief's example, but 2 is not its check digit
    'K123456(1)',
    'G123456(0)',
    'A12345(3)', // too few digits
    'A1234567(3)', // too many digits
    'ABC123456(3)', // three letters
    '1123456(3)',
    '',
    'A123456(3) extra',
  ])('rejects %s', (value) => {
    expect(isValidHkid(value)).toBe(false);
  });
});

describe('isLuhnValid', () => {
  it.each(['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111', '5500005555555559', '378282246310005', '６２１２３４５６７８９０１２６５'])(
    'accepts %s',
    (digits) => {
      expect(isLuhnValid(digits)).toBe(true);
    },
  );

  it.each(['4111111111111112', '5500005555555558', '4111x1111', '', '0'])('rejects %j', (digits) => {
    expect(isLuhnValid(digits)).toBe(false);
  });
});

describe('maskPersonalData — HKID', () => {
  it('masks a valid HKID with brackets and reports its offsets', () => {
    const input = 'My ID is A123456(3).';
    const result = maskPersonalData(input);
    expect(result.text).toBe('My ID is [HKID].');
    expect(result.found).toEqual([{ kind: 'hkid', start: 9, end: 19 }]);
    expect(input.slice(9, 19)).toBe('A123456(3)');
  });

  it('masks unbracketed, lower-case, spaced and two-letter forms', () => {
    expect(maskPersonalData('id A1234563 ok').text).toBe('id [HKID] ok');
    expect(maskPersonalData('id a123456(3) ok').text).toBe('id [HKID] ok');
    expect(maskPersonalData('id A 123456 (3) ok').text).toBe('id [HKID] ok');
    expect(maskPersonalData('id AB987654(3) ok').text).toBe('id [HKID] ok');
    expect(maskPersonalData('id WX135792A ok').text).toBe('id [HKID] ok');
  });

  it('handles the 10 → "A" and 11 → "0" check digits', () => {
    expect(maskPersonalData('G123456(A)').text).toBe('[HKID]');
    expect(maskPersonalData('K123456(0)').text).toBe('[HKID]');
  });

  it('leaves HKID-shaped strings with a wrong check digit untouched', () => {
    for (const input of ['A123456(4)', 'A1234564', 'AB987654(2)', 'K123456(1)']) {
      const result = maskPersonalData(`ref ${input} here`);
      expect(result.text).toBe(`ref ${input} here`);
      expect(result.found).toEqual([]);
    }
  });

  it('does not treat part of a longer code as an HKID', () => {
    expect(maskPersonalData('code XYA1234563').text).toBe('code XYA1234563');
    expect(maskPersonalData('code A12345639').text).toBe('code A12345639');
  });

  it('masks full-width HKIDs typed on a Chinese IME, keeping the offsets in the original text', () => {
    const input = '身份證：Ａ１２３４５６（３）。';
    const result = maskPersonalData(input);
    expect(result.text).toBe('身份證：[HKID]。');
    expect(result.found).toEqual([{ kind: 'hkid', start: 4, end: 14 }]);
  });
});

describe('maskPersonalData — phone', () => {
  it.each([
    ['Call 91234567 please', 'Call [PHONE] please'],
    ['Call 9123 4567 please', 'Call [PHONE] please'],
    ['Call 9123-4567 please', 'Call [PHONE] please'],
    ['Call +852 9123 4567 please', 'Call [PHONE] please'],
    ['Call +85291234567 please', 'Call [PHONE] please'],
    ['Call (852) 2345 6789 please', 'Call [PHONE] please'],
    ['Call (+852) 2345-6789 please', 'Call [PHONE] please'],
    ['Call 852-3456-7890 please', 'Call [PHONE] please'],
    ['Call 00852 51234567 please', 'Call [PHONE] please'],
    ['Tel:61234567.', 'Tel:[PHONE].'],
    ['電話９１２３４５６７', '電話[PHONE]'],
    ['電話：９１２３　４５６７', '電話：[PHONE]'],
    ['91234567 92345678', '[PHONE] [PHONE]'],
  ])('masks %j', (input, expected) => {
    expect(maskPersonalData(input).text).toBe(expected);
  });

  it.each([
    'Please call 1823 for enquiries',
    'Hotline 1823 or 999',
    'Number 12345678 starts with 1',
    'Number 41234567 starts with 4',
    'Reference 123912345678 is long',
    'Reference 2023-9123-4567',
    'Amount HK$23456789',
    'Tax year 2023-2024',
    'Order 91234567890',
    'Code AB91234567',
  ])('leaves %j untouched', (input) => {
    const result = maskPersonalData(input);
    expect(result.text).toBe(input);
    expect(result.found).toEqual([]);
  });

  it('reports offsets that include the +852 prefix', () => {
    const input = 'Tel +852 9123 4567';
    const result = maskPersonalData(input);
    expect(result.found).toEqual([{ kind: 'phone', start: 4, end: 18 }]);
    expect(input.slice(4, 18)).toBe('+852 9123 4567');
  });
});

describe('maskPersonalData — email', () => {
  it.each([
    ['Email chan.tai-man+hk@example.com.hk now', 'Email [EMAIL] now'],
    ['電郵：chantaiman@gmail.com，謝謝', '電郵：[EMAIL]，謝謝'],
    ['full-width ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ end', 'full-width [EMAIL] end'],
    ['IME stop chan@gmail。com end', 'IME stop [EMAIL] end'],
    ['digits 91234567@qq.com end', 'digits [EMAIL] end'],
  ])('masks %j', (input, expected) => {
    expect(maskPersonalData(input).text).toBe(expected);
  });

  it('does not mask a bare @handle or a domain', () => {
    expect(maskPersonalData('follow @govhk or visit www.gov.hk').text).toBe('follow @govhk or visit www.gov.hk');
  });
});

describe('maskPersonalData — card', () => {
  it.each([
    ['card 4111111111111111 ok', 'card [CARD] ok'],
    ['card 4111 1111 1111 1111 ok', 'card [CARD] ok'],
    ['card 4111-1111-1111-1111 ok', 'card [CARD] ok'],
    ['amex 3782 822463 10005 ok', 'amex [CARD] ok'],
    ['unionpay 6212 3456 7890 1265 ok', 'unionpay [CARD] ok'],
    ['卡號６２１２３４５６７８９０１２６５', '卡號[CARD]'],
  ])('masks Luhn-valid %j', (input, expected) => {
    expect(maskPersonalData(input).text).toBe(expected);
  });

  it.each(['card 4111111111111112 ok', 'card 5123 4567 8901 2345 ok', 'card 4111-1111-1111-1112 ok'])(
    'leaves Luhn-invalid %j untouched (and does not mistake its groups for phones)',
    (input) => {
      const result = maskPersonalData(input);
      expect(result.text).toBe(input);
      expect(result.found).toEqual([]);
    },
  );

  it('does not mask a Luhn-valid number inside a longer digit run', () => {
    expect(maskPersonalData('x 41111111111111119999 y').found).toEqual([]);
  });
});

describe('maskPersonalData — mixed text', () => {
  it('masks several kinds in Chinese text with correct offsets', () => {
    const input = '我嘅身份證係A123456(3)，電話91234567';
    const result = maskPersonalData(input);
    expect(result.text).toBe('我嘅身份證係[HKID]，電話[PHONE]');
    expect(result.found).toEqual([
      { kind: 'hkid', start: 6, end: 16 },
      { kind: 'phone', start: 19, end: 27 },
    ]);
    for (const item of result.found) {
      expect(input.slice(item.start, item.end)).toMatch(item.kind === 'hkid' ? /^A123456\(3\)$/ : /^91234567$/);
    }
  });

  it('masks all four kinds in one message, in order of appearance', () => {
    const input =
      'Hi, I am Chan (HKID AB987654(3)). Reach me on +852 6123 4567 or chan@example.hk; card 4111 1111 1111 1111. Thanks!';
    const result = maskPersonalData(input);
    expect(result.text).toBe('Hi, I am Chan (HKID [HKID]). Reach me on [PHONE] or [EMAIL]; card [CARD]. Thanks!');
    expect(result.found.map((item) => item.kind)).toEqual(['hkid', 'phone', 'email', 'card']);
    expect(result.found.map((item) => input.slice(item.start, item.end))).toEqual([
      'AB987654(3)',
      '+852 6123 4567',
      'chan@example.hk',
      '4111 1111 1111 1111',
    ]);
  });

  it('keeps everything else byte-identical, including emoji and surrogate pairs', () => {
    const input = '😀 𠮷野 A1234563 👍 ＡＢＣ';
    expect(maskPersonalData(input).text).toBe('😀 𠮷野 [HKID] 👍 ＡＢＣ');
  });

  it('returns the same text and no matches when there is nothing personal', () => {
    const input = '長者醫療券每年有幾多？Call 1823.';
    expect(maskPersonalData(input)).toEqual({ text: input, found: [] });
  });

  it('is repeatable (no leaked regex state between calls)', () => {
    const input = 'phone 91234567, phone 61234567';
    expect(maskPersonalData(input)).toEqual(maskPersonalData(input));
    expect(maskPersonalData(input).found).toHaveLength(2);
  });
});
