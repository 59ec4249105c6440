import { describe, expect, it } from 'vitest';
import { createCitationStripper, extractCitations } from './index.js';
import { splitIntoTokens } from './test-helpers/fake-openai-server.js';

describe('extractCitations', () => {
  it.each([
    ['Bring your HKID [faq:register-in-person].', 'Bring your HKID.', ['register-in-person']],
    ['A [faq:a, faq:b]. B [faq:b][faq:c]', 'A. B', ['a', 'b', 'c']],
    ['請帶同身份證【faq:reg】。', '請帶同身份證。', ['reg']],
    ['請帶同身份證［FAQ：reg］。', '請帶同身份證。', ['reg']],
    ['Two ids [faq: a ; b]', 'Two ids', ['a', 'b']],
    ['No citation here [1] and [see below].', 'No citation here [1] and [see below].', []],
    ['Cut off at the end [faq:a', 'Cut off at the end', ['a']],
  ])('%j → %j %j', (input, text, citations) => {
    expect(extractCitations(input)).toEqual({ text, citations });
  });
});

describe('createCitationStripper', () => {
  it('gives the same result however the stream is cut, and never shows part of a citation', () => {
    const raw = 'Bring your HKID [faq:register-in-person]. Then wait [faq:a, faq:b]！完成【faq:c】。 Array [0] stays.';
    const whole = extractCitations(raw);
    for (const pieces of [splitIntoTokens(raw), [...raw], [raw.slice(0, 20), raw.slice(20, 21), raw.slice(21)]]) {
      const stripper = createCitationStripper();
      const shown: string[] = [];
      for (const piece of pieces) shown.push(stripper.push(piece).text);
      shown.push(stripper.flush().text);
      expect(shown.join('')).toBe(whole.text);
      expect(shown.some((s) => /faq|【|\[f/i.test(s))).toBe(false);
      expect(stripper.citations()).toEqual(whole.citations);
    }
    expect(whole.text).toBe('Bring your HKID. Then wait！完成。 Array [0] stays.');
  });

  it('reports each citation when it completes', () => {
    const stripper = createCitationStripper();
    expect(stripper.push('Bring your HKID [faq:reg')).toEqual({ text: 'Bring your HKID', cited: [] });
    expect(stripper.push('ister]. Done')).toEqual({ text: '. Done', cited: ['register'] });
  });
});
