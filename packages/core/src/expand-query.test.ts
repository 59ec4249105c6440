import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse-text.js';
import { DEFAULT_EXPANSION_WEIGHTS, expandQuery, type QueryTerm } from './expand-query.js';
import { buildSpellingIndex } from './spelling-correction.js';

/** Expansions of a query against a toy vocabulary, as term → source. */
function expansions(query: string, vocabulary: readonly string[], suggest?: (stem: string) => readonly string[]): Map<string, QueryTerm> {
  const vocab = new Set(vocabulary);
  const terms = expandQuery(analyseText(query), (t) => vocab.has(t), DEFAULT_EXPANSION_WEIGHTS, suggest);
  return new Map(terms.filter((t) => t.term !== t.source).map((t) => [t.term, t]));
}

describe('expandQuery', () => {
  it('reaches a Hong Kong word from a mainland one through the dictionary (驾照 → 駕駛執照)', () => {
    const out = expansions('驾照过期', ['驾驶执照', '过期']);
    expect(out.get('驾驶执照')).toMatchObject({ source: '驾照', weight: DEFAULT_EXPANSION_WEIGHTS.twoHop });
  });

  it('translates between Chinese and English', () => {
    expect(expansions('护照', ['passport']).get('passport')?.source).toBe('护照');
    expect(expansions('passport', ['护照']).get('护照')?.source).toBe('passport');
  });

  it('maps a phrasal verb to its one-word synonym, credited to the verb', () => {
    expect(expansions('what if i turn down the flat', ['refus']).get('refus')).toMatchObject({ source: 'turn' });
    expect(expansions('they turned down my offer', ['refus']).get('refus')).toMatchObject({ source: 'turn' });
  });

  it('maps everyday English to the official word, credited to the word or phrase as written', () => {
    const fired = expansions('my boss fired me', ['employ', 'dismiss']);
    expect(fired.get('employ')).toMatchObject({ source: 'boss', weight: DEFAULT_EXPANSION_WEIGHTS.colloquial });
    expect(fired.get('dismiss')).toMatchObject({ source: 'fire' });
    expect(expansions('do i need to sign up', ['regist']).get('regist')).toMatchObject({ source: 'sign', weight: DEFAULT_EXPANSION_WEIGHTS.colloquial });
    expect(expansions('new iphone', ['phone']).get('phone')?.source).toBe('iphon');
    // Inflected phrases reach the table's base form.
    expect(expansions('my passport runs out in march', ['expir']).get('expir')).toMatchObject({ source: 'run', weight: DEFAULT_EXPANSION_WEIGHTS.colloquial });
    expect(expansions('signing up for an account', ['regist']).get('regist')?.source).toBe('sign');
    // Money, work, documents, devices: the official word a citizen does not write.
    expect(expansions('we have 500k saved', ['asset']).get('asset')?.source).toBe('save');
    expect(expansions('can i take a day off', ['rest']).get('rest')?.source).toBe('dai');
    expect(expansions('what paperwork do i need', ['document']).get('document')?.source).toBe('paperwork');
    expect(expansions('the app keeps crashing', ['error']).get('error')?.source).toBe('crash');
    // A word with no everyday reading is left alone.
    expect(expansions('passport fee', ['employ', 'regist']).size).toBe(0);
  });

  it('maps mainland and colloquial Mandarin to the Hong Kong word, whole or as jieba splits it', () => {
    expect(expansions('医保怎么报销', ['医疗', '保险']).get('医疗')).toMatchObject({ source: '医保', weight: DEFAULT_EXPANSION_WEIGHTS.colloquial });
    expect(expansions('身份证不见了', ['遗失']).get('遗失')?.source).toBe('不见');
    expect(expansions('公租房怎么申请', ['公屋']).get('公屋')?.source).toBe('公租房');
    expect(expansions('外佣放假', ['外籍', '家庭']).get('外籍')?.source).toBe('外佣');
  });

  it('brings irregular forms to their base form', () => {
    expect(expansions('my boss took money', ['take']).get('take')).toMatchObject({ source: 'took', weight: DEFAULT_EXPANSION_WEIGHTS.lemma });
  });

  it('adds WordNet derivations and broader words at low weight', () => {
    expect(expansions('my grandmother', ['grandpar']).get('grandpar')?.weight).toBe(DEFAULT_EXPANSION_WEIGHTS.hypernym);
    expect(expansions('im a physiotherapist', ['physiotherapi']).get('physiotherapi')?.weight).toBe(DEFAULT_EXPANSION_WEIGHTS.related);
  });

  it('repairs a misspelt word the bot does not know', () => {
    const spelling = buildSpellingIndex(['continu', 'contract']);
    const out = expansions('am i on a continous contract', ['continu', 'contract'], (s) => spelling.suggest(s));
    expect(out.get('continu')).toMatchObject({ source: 'contin', weight: DEFAULT_EXPANSION_WEIGHTS.spelling });
  });

  it('adds only terms the bot knows', () => {
    expect(expansions('passport', []).size).toBe(0);
  });
});
