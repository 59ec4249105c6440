import { describe, expect, it } from 'vitest';
import { analyseText, BIGRAM_WEIGHT, INTENT_WEIGHT, UNIGRAM_WEIGHT } from './analyse-text.js';

describe('analyseText', () => {
  it('gives Chinese words, bigrams and single characters in Simplified form', () => {
    const { terms } = analyseText('身份證');
    expect(terms.get('身份证')).toBe(1);
    expect(terms.get('身份')).toBe(BIGRAM_WEIGHT);
    expect(terms.get('证')).toBe(UNIGRAM_WEIGHT);
  });

  it('adds question-intent terms to questions, in any language, but not to answers', () => {
    expect(analyseText('How much is the fee?').terms.get('?amount')).toBe(INTENT_WEIGHT);
    expect(analyseText('要幾多錢？').terms.get('?amount')).toBe(INTENT_WEIGHT);
    expect(analyseText('You can check how much is left.', { intents: false }).terms.has('?amount')).toBe(false);
  });

  it('counts a hyphenated word as the joined word and as its parts, and expands shorthand', () => {
    const { terms, englishWords } = analyseText('e-channel 3 yrs hk', { intents: false });
    expect([...terms.keys()]).toEqual(['echannel', 'channel', '3', 'year', 'hong', 'kong']);
    expect(englishWords).toEqual(['echannel', 'channel', '3', 'years', 'hong', 'kong']);
  });

  it('keeps adjacent English words, stop words included, for phrasal verbs', () => {
    expect(analyseText('they may turn down my offer').englishPhrases).toContain('turn down');
    expect(analyseText('sign up 智方便').englishPhrases).toEqual(['sign up']);
  });

  it('analyses British and American spellings of a word alike, inflected or not', () => {
    const termsOf = (text: string): string[] => [...analyseText(text, { intents: false }).terms.keys()];
    for (const [british, american] of [
      ['driving licence', 'driving license'],
      ['labour rights', 'labor rights'],
      ['the programmes', 'the programs'],
      ['organisation', 'organization'],
      ['recognised', 'recognized'],
      ['paediatric centre', 'pediatric center'],
      ['enrolment', 'enrollment'],
    ] as const) {
      expect(termsOf(british), british).toEqual(termsOf(american));
    }
    // Different words stay apart: a cheque is not a check.
    expect(termsOf('cheque')).not.toEqual(termsOf('check'));
    expect(termsOf('great')).not.toEqual(termsOf('grey'));
  });

  it('treats words that name Object.prototype members as ordinary words', () => {
    for (const text of ['who is the constructor', 'constructor 係咩', 'toString valueOf hasOwnProperty __proto__']) {
      expect(() => analyseText(text), text).not.toThrow();
    }
    expect(analyseText('who is the constructor').terms.has('constructor')).toBe(true);
  });

  it('drops the adverb "right" (right now, right away, all right) but keeps the noun', () => {
    const stem = [...analyseText('rights', { intents: false }).terms.keys()][0]!;
    expect(analyseText('whats the temperature in hong kong right now').terms.has(stem)).toBe(false);
    expect(analyseText('all right, i will apply right away').terms.has(stem)).toBe(false);
    expect(analyseText('do i have the right to refuse').terms.has(stem)).toBe(true);
    expect(analyseText('employment rights right here').terms.has(stem)).toBe(true);
  });
});
