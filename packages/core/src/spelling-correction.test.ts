import { describe, expect, it } from 'vitest';
import { buildSpellingIndex } from './spelling-correction.js';

describe('buildSpellingIndex', () => {
  const index = buildSpellingIndex(['continu', 'passport', 'receiv', 'applic', '身份证', 'tax', 'renew']);

  it.each([
    ['contin', 'continu'], // continous → Porter "contin"; continuous → "continu" (a missing letter)
    ['pasport', 'passport'], // a dropped letter
    ['reciev', 'receiv'], // transposed letters
    ['appluc', 'applic'], // a wrong letter
    ['passports', 'passport'], // an extra letter
  ])('%s → %s', (typo, fixed) => {
    expect(index.suggest(typo)).toEqual([fixed]);
  });

  it('leaves known terms, short words and non-Latin terms alone', () => {
    expect(index.suggest('passport')).toEqual([]);
    expect(index.suggest('taxi')).toEqual([]); // one edit from "tax", but too short to trust
    expect(index.suggest('身份')).toEqual([]);
  });

  it('suggests nothing two edits away', () => {
    expect(index.suggest('pasprt')).toEqual([]);
    expect(index.suggest('renewals')).toEqual([]);
  });
});
