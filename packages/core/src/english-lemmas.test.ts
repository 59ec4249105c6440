import { describe, expect, it } from 'vitest';
import { irregularLemma } from './english-lemmas.js';

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
