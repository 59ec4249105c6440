import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { stemEnglish } from './language-bridge.js';

describe('stemEnglish', () => {
  it('analyses British and American spellings alike', () => {
    expect(stemEnglish('licences')).toBe(stemEnglish('license'));
    expect(stemEnglish('labour')).toBe(stemEnglish('labor'));
    expect(stemEnglish('organisation')).toBe(stemEnglish('organization'));
  });

  it('gives the same stems once its cache of stems has been filled and emptied', () => {
    const before = ['renewing', 'licences', 'passports'].map(stemEnglish);
    // More distinct words than the cache keeps: it starts again instead of growing.
    for (let i = 0; i < 25_000; i++) expect(stemEnglish(`zq${i.toString(36)}ing`)).toBe(stemmer(`zq${i.toString(36)}ing`));
    expect(['renewing', 'licences', 'passports'].map(stemEnglish)).toEqual(before);
    expect(before).toEqual(['renew', stemEnglish('license'), 'passport']);
  });
});
