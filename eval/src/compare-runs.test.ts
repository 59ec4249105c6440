import { describe, expect, it } from 'vitest';
import { diffRuns, type QueryOutcome } from '@govchat/eval';

/** A query answered from `top` (right when `top` is expected). */
const outcome = (query: string, fields: Partial<QueryOutcome> = {}): QueryOutcome => ({
  bot: 'housing',
  query,
  lang: 'en',
  expected: ['waiting-time'],
  ranked: ['waiting-time'],
  abstained: false,
  confidence: 0.8,
  ...fields,
});
const wrong = { ranked: ['income-limit'] };

describe('diffRuns', () => {
  it('finds a regression and a fix, and counts the rest as unchanged', () => {
    const baseline = [outcome('a'), outcome('b', wrong), outcome('c'), outcome('d', wrong)];
    const current = [outcome('a', { ...wrong, confidence: 0.6 }), outcome('b'), outcome('c'), outcome('d', wrong)];
    const diff = diffRuns(baseline, current);
    expect(diff.regressions).toEqual([
      {
        bot: 'housing',
        lang: 'en',
        query: 'a',
        expected: ['waiting-time'],
        before: { top: 'waiting-time', abstained: false, confidence: 0.8 },
        after: { top: 'income-limit', abstained: false, confidence: 0.6 },
      },
    ]);
    expect(diff.fixes.map((f) => [f.query, f.before.top, f.after.top])).toEqual([['b', 'income-limit', 'waiting-time']]);
    expect(diff.unchanged).toBe(2);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    // 2/4 right before, 2/4 right now.
    // One flip each way: nothing to tell from chance (p = 1).
    expect(diff.accuracy).toEqual({ nBefore: 4, nAfter: 4, before: 0.5, after: 0.5, delta: 0, regressions: 1, fixes: 1, pValue: 1 });
  });

  it('judges abstentions: abstaining on an out-of-scope query is right, on an in-scope one wrong', () => {
    const baseline = [outcome('weather', { expected: [], abstained: true, ranked: ['waiting-time'] }), outcome('how long', { abstained: true })];
    const current = [outcome('weather', { expected: [], abstained: false }), outcome('how long')];
    const diff = diffRuns(baseline, current);
    expect(diff.regressions.map((r) => [r.query, r.expected, r.before, r.after])).toEqual([
      ['weather', [], { top: 'waiting-time', abstained: true, confidence: 0.8 }, { top: 'waiting-time', abstained: false, confidence: 0.8 }],
    ]);
    expect(diff.fixes.map((f) => [f.query, f.before.abstained, f.after.abstained])).toEqual([['how long', true, false]]);
  });

  it('matches queries by (bot, query, history), not by position', () => {
    const baseline = [outcome('a'), outcome('b', wrong), outcome('a', { bot: 'labour', ...wrong })];
    const current = [outcome('a', { bot: 'labour', ...wrong }), outcome('b', wrong), outcome('a')];
    const diff = diffRuns(baseline, current);
    expect(diff).toMatchObject({ regressions: [], fixes: [], unchanged: 3, added: [], removed: [] });
  });

  it('tells apart two otherwise equal queries by their history', () => {
    const first = outcome('how much?', { history: ['passport renewal'], expected: ['passport-fee'], ranked: ['passport-fee'] });
    const second = outcome('how much?', { history: ['hkid replacement'], expected: ['hkid-fee'], ranked: ['hkid-fee'] });
    const diff = diffRuns([first, second], [{ ...second, ranked: ['passport-fee'] }, first]);
    expect(diff.regressions.map((r) => [r.query, r.history, r.after.top])).toEqual([['how much?', ['hkid replacement'], 'passport-fee']]);
    expect(diff.unchanged).toBe(1);
    // No history and an empty history are the same query.
    expect(diffRuns([outcome('x', { history: [] })], [outcome('x')]).unchanged).toBe(1);
  });

  it('reports queries added to and removed from the dataset apart from regressions and fixes', () => {
    const baseline = [outcome('kept'), outcome('dropped', { line: 2 })];
    const current = [outcome('new', { ...wrong, line: 1, lang: 'yue' }), outcome('kept', { line: 2 })];
    const diff = diffRuns(baseline, current);
    expect(diff.added).toEqual([{ bot: 'housing', lang: 'yue', query: 'new', expected: ['waiting-time'], line: 1 }]);
    expect(diff.removed).toEqual([{ bot: 'housing', lang: 'en', query: 'dropped', expected: ['waiting-time'], line: 2 }]);
    expect(diff).toMatchObject({ regressions: [], fixes: [], unchanged: 1 });
    // Accuracy is of each whole run: 2/2 right before, 1/2 now.
    // Nothing flipped (the change is the dataset's), so no test to run: p = 1.
    expect(diff.accuracy).toEqual({ nBefore: 2, nAfter: 2, before: 1, after: 0.5, delta: -0.5, regressions: 0, fixes: 0, pValue: 1 });
    expect(diff.byLang).toEqual({
      en: { nBefore: 2, nAfter: 1, before: 1, after: 1, delta: 0, regressions: 0, fixes: 0, pValue: 1 },
      yue: { nBefore: 0, nAfter: 1, before: 0, after: 0, delta: 0, regressions: 0, fixes: 0, pValue: 1 },
    });
  });

  it('matches a query written twice to the copy with the same language and answer key, whatever the order', () => {
    const en = outcome('Does it cost anything?', { expected: ['fees'], ranked: ['fees'] });
    const mixed = { ...en, lang: 'mixed' as const, expected: ['cancel-account'] };
    const diff = diffRuns([mixed, en], [en, mixed, en]);
    expect(diff).toMatchObject({ regressions: [], fixes: [], unchanged: 2 });
    expect(diff.added.map((a) => [a.query, a.lang])).toEqual([['Does it cost anything?', 'en']]);
    // Same language, answer key corrected: still the same query, now judged against the new key.
    const corrected = diffRuns([mixed, en], [en, { ...mixed, expected: ['fees'] }]);
    expect(corrected.fixes).toEqual([expect.objectContaining({ lang: 'mixed', expected: ['fees'], expectedBefore: ['cancel-account'] })]);
    expect(corrected.unchanged).toBe(1);
  });

  it('computes accuracy deltas per language and per bot by hand', () => {
    const baseline = [
      outcome('en1'),
      outcome('en2'),
      outcome('en3', wrong),
      outcome('yue1', { lang: 'yue', ...wrong }),
      outcome('yue2', { lang: 'yue', bot: 'labour' }),
      outcome('mixed1', { lang: 'mixed', bot: 'labour' }),
    ];
    const current = [
      outcome('mixed1', { lang: 'mixed', bot: 'labour' }),
      outcome('yue2', { lang: 'yue', bot: 'labour', ...wrong }),
      outcome('yue1', { lang: 'yue' }),
      outcome('en3'),
      outcome('en2', wrong),
      outcome('en1', wrong),
    ];
    const diff = diffRuns(baseline, current);
    // Overall 4/6 → 3/6.
    expect(diff.accuracy).toEqual({ nBefore: 6, nAfter: 6, before: 0.6667, after: 0.5, delta: -0.1667, regressions: 3, fixes: 2, pValue: 1 });
    // Languages in report order whatever the dataset order: en 2/3 → 1/3, yue 1/2 → 1/2, mixed 1/1 → 1/1.
    expect(Object.keys(diff.byLang)).toEqual(['en', 'yue', 'mixed']);
    expect(diff.byLang.en).toEqual({ nBefore: 3, nAfter: 3, before: 0.6667, after: 0.3333, delta: -0.3333, regressions: 2, fixes: 1, pValue: 1 });
    expect(diff.byLang.yue).toEqual({ nBefore: 2, nAfter: 2, before: 0.5, after: 0.5, delta: 0, regressions: 1, fixes: 1, pValue: 1 });
    expect(diff.byLang.mixed?.delta).toBe(0);
    // Bots: housing 2/4 → 2/4, labour 2/2 → 1/2.
    expect(diff.byBot).toEqual({
      labour: { nBefore: 2, nAfter: 2, before: 1, after: 0.5, delta: -0.5, regressions: 1, fixes: 0, pValue: 1 },
      housing: { nBefore: 4, nAfter: 4, before: 0.5, after: 0.5, delta: 0, regressions: 2, fixes: 2, pValue: 1 },
    });
    expect(diff.regressions.map((r) => r.query).sort()).toEqual(['en1', 'en2', 'yue2']);
    expect(diff.fixes.map((f) => f.query)).toEqual(['yue1', 'en3']);
  });

  it('says per scope how likely chance alone would flip the queries that unevenly (exact McNemar)', () => {
    const en = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
    const baseline = [...en.map((q) => outcome(q)), outcome('y1', { lang: 'yue', ...wrong }), outcome('y2', { lang: 'yue' })];
    const current = [...en.map((q) => outcome(q, wrong)), outcome('y1', { lang: 'yue' }), outcome('y2', { lang: 'yue' })];
    const diff = diffRuns(baseline, current);
    // English: 6 of 6 flips are regressions, 2 × (½)^6 = 0.03125 — unlikely to be chance.
    expect(diff.byLang.en).toMatchObject({ regressions: 6, fixes: 0, pValue: 0.0313 });
    // Overall 6 regressions against 1 fix: 2 × (1 + 7) / 2^7 = 0.125 — could be chance.
    expect(diff.accuracy).toMatchObject({ regressions: 6, fixes: 1, pValue: 0.125 });
    // Cantonese: one fix alone proves nothing.
    expect(diff.byLang.yue).toMatchObject({ regressions: 0, fixes: 1, pValue: 1 });
  });

  it('lists confident wrong answers first among regressions, abstentions last', () => {
    const baseline = [outcome('low'), outcome('abstains'), outcome('high')];
    const current = [outcome('low', { ...wrong, confidence: 0.3 }), outcome('abstains', { abstained: true, confidence: 0.9 }), outcome('high', { ...wrong, confidence: 0.9 })];
    expect(diffRuns(baseline, current).regressions.map((r) => r.query)).toEqual(['high', 'low', 'abstains']);
  });

  it('says when the answer key itself changed', () => {
    const diff = diffRuns([outcome('a')], [outcome('a', { expected: ['income-limit'], ranked: ['waiting-time'] })]);
    expect(diff.regressions[0]).toMatchObject({ expected: ['income-limit'], expectedBefore: ['waiting-time'] });
    expect(diffRuns([outcome('a')], [outcome('a', wrong)]).regressions[0]).not.toHaveProperty('expectedBefore');
  });
});
