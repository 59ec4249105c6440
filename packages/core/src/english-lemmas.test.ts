import { describe, expect, it } from 'vitest';
import { irregularLemma, lookupForms } from './english-lemmas.js';

describe('irregularLemma', () => {
  it.each([
    ['took', 'take'],
    ['paid', 'pay'],
    ['lost', 'lose'],
    ['children', 'child'],
    ['grandchildren', 'grandchild'],
    ['withdrew', 'withdraw'],
  ])('%s → %s', (form, lemma) => {
    expect(irregularLemma(form)).toBe(lemma);
  });

  it('leaves regular forms to the stemmer', () => {
    expect(irregularLemma('renewed')).toBeUndefined();
    expect(irregularLemma('passports')).toBeUndefined();
    expect(irregularLemma('beat')).toBeUndefined(); // its own base form
  });
});

describe('lookupForms', () => {
  it('offers a word or phrase as written first, then with its first word in base form', () => {
    expect(lookupForms('ran out')).toEqual(['ran out', 'run out']);
    expect(lookupForms('turns down')).toEqual(['turns down', 'turn down']);
    expect(lookupForms('signing up')).toEqual(['signing up', 'sign up', 'signe up']);
    expect(lookupForms('passport')).toEqual(['passport']);
  });
});
