import { describe, expect, it } from 'vitest';
import { abstention, computeMetrics, firstRelevantRank, isCorrect, percentile, type EvalRecord } from '@govchat/eval';

/** A record with defaults that do not matter to the case at hand. */
function record(fields: Partial<EvalRecord> & Pick<EvalRecord, 'expected' | 'ranked' | 'abstained'>): EvalRecord {
  return { bot: 'demo', query: 'q', lang: 'en', latencyMs: 1, confidence: 0.5, ...fields };
}

describe('isCorrect', () => {
  it('is right when the top answer is one of the expected ids and the bot answered', () => {
    expect(isCorrect(record({ expected: ['a'], ranked: ['a', 'b'], abstained: false }))).toBe(true);
    expect(isCorrect(record({ expected: ['x', 'b'], ranked: ['b', 'a'], abstained: false }))).toBe(true);
  });

  it('is wrong when the right FAQ is only second, or the bot abstained on an in-scope query', () => {
    expect(isCorrect(record({ expected: ['b'], ranked: ['a', 'b'], abstained: false }))).toBe(false);
    expect(isCorrect(record({ expected: ['a'], ranked: ['a'], abstained: true }))).toBe(false);
    expect(isCorrect(record({ expected: ['a'], ranked: [], abstained: false }))).toBe(false);
  });

  it('with empty expected (out of scope) only abstaining is right', () => {
    expect(isCorrect(record({ expected: [], ranked: ['a'], abstained: true }))).toBe(true);
    expect(isCorrect(record({ expected: [], ranked: [], abstained: true }))).toBe(true);
    expect(isCorrect(record({ expected: [], ranked: ['a'], abstained: false }))).toBe(false);
  });
});

describe('firstRelevantRank', () => {
  it('is the 1-based rank of the first of several expected ids', () => {
    expect(firstRelevantRank(record({ expected: ['c', 'b'], ranked: ['a', 'b', 'c'], abstained: false }))).toBe(2);
  });

  it('is 0 when no expected id was retrieved, and for out-of-scope queries', () => {
    expect(firstRelevantRank(record({ expected: ['z'], ranked: ['a', 'b'], abstained: false }))).toBe(0);
    expect(firstRelevantRank(record({ expected: [], ranked: ['a'], abstained: true }))).toBe(0);
  });

  it('takes tied candidates in the order the pipeline returned them, never re-sorted', () => {
    // 'b' and 'a' scored the same; the pipeline showed 'b' first, so the relevant 'a' is rank 2.
    expect(firstRelevantRank(record({ expected: ['a'], ranked: ['b', 'a'], abstained: false }))).toBe(2);
  });
});

describe('computeMetrics', () => {
  // Hand-computed: ranks of in-scope queries 1, 2, 0, 3; abstention TP 1 (r4), FP 2 (r3, r6), FN 1 (r5).
  const records = [
    record({ lang: 'en', bot: 'A', expected: ['a'], ranked: ['a', 'b', 'c'], abstained: false, latencyMs: 5 }), // right
    record({ lang: 'en', bot: 'A', expected: ['b'], ranked: ['a', 'b', 'c'], abstained: false, latencyMs: 1 }), // wrong answer
    record({ lang: 'yue', bot: 'B', expected: ['c'], ranked: ['x', 'y', 'z'], abstained: true, latencyMs: 3 }), // missed answer
    record({ lang: 'yue', bot: 'B', expected: [], ranked: ['a'], abstained: true, latencyMs: 2 }), // right abstention
    record({ lang: 'zh-HK', bot: 'A', expected: [], ranked: ['a'], abstained: false, latencyMs: 4 }), // should have abstained
    record({ lang: 'zh-HK', bot: 'B', expected: ['d', 'e'], ranked: ['x', 'y', 'e'], abstained: true, latencyMs: 100 }), // missed, rank 3
  ];
  const m = computeMetrics(records);

  it('counts accuracy over all queries: right answers plus right abstentions', () => {
    expect(m.n).toBe(6);
    expect(m.accuracy).toBe(0.3333);
  });

  it('computes hit@1, hit@3 and MRR over in-scope queries only, misses counting 0', () => {
    expect(m.hitAt1).toBe(0.25);
    expect(m.hitAt3).toBe(0.75);
    expect(m.mrr).toBe(0.4583); // (1 + 1/2 + 0 + 1/3) / 4
  });

  it('bounds what re-ranking the top 3 and perfect abstention could reach: every query but the one retrieval never found', () => {
    // r3's FAQ is not among its sources; r2 (rank 2) and r6 (rank 3) would be right re-ranked; r4, r5 are out of scope.
    expect(m.ceilingAt3).toBe(0.8333);
  });

  it('scores abstaining with out-of-scope as the positive class', () => {
    expect(m.abstain).toEqual({ precision: 0.3333, recall: 0.5, f1: 0.4 });
  });

  it('breaks accuracy down per language (in report order) and per bot', () => {
    expect(Object.keys(m.byLang)).toEqual(['en', 'zh-HK', 'yue']);
    expect(m.byLang.en).toEqual({ n: 2, accuracy: 0.5, hitAt1: 0.5, hitAt3: 1, ceilingAt3: 1 });
    expect(m.byLang['zh-HK']).toEqual({ n: 2, accuracy: 0, hitAt1: 0, hitAt3: 1, ceilingAt3: 1 });
    expect(m.byLang.yue).toEqual({ n: 2, accuracy: 0.5, hitAt1: 0, hitAt3: 0, ceilingAt3: 0.5 });
    expect(m.byBot).toEqual({ A: { n: 3, accuracy: 0.3333 }, B: { n: 3, accuracy: 0.3333 } });
  });

  it('reports nearest-rank latency percentiles', () => {
    expect(m.latencyMs).toEqual({ p50: 3, p95: 100 });
  });

  it('computes MRR with misses as 0 reciprocal rank', () => {
    const mrr = computeMetrics([
      record({ expected: ['a'], ranked: ['x'], abstained: false }),
      record({ expected: ['a'], ranked: [], abstained: true }),
      record({ expected: ['a'], ranked: ['x', 'a'], abstained: false }),
    ]).mrr;
    expect(mrr).toBe(0.1667);
  });

  it('all-abstain: accuracy is the out-of-scope share, recall 1, ranking still measured on the sources', () => {
    const all = computeMetrics([
      record({ expected: [], ranked: [], abstained: true }),
      record({ expected: [], ranked: ['a'], abstained: true }),
      record({ expected: ['a'], ranked: ['a'], abstained: true }),
      record({ expected: ['b'], ranked: ['a', 'b'], abstained: true }),
    ]);
    expect(all.accuracy).toBe(0.5);
    expect(all.abstain).toEqual({ precision: 0.5, recall: 1, f1: 0.6667 });
    expect(all.hitAt1).toBe(0.5);
    expect(all.hitAt3).toBe(1);
  });

  it('none-abstain: abstention scores are 0, accuracy counts only right answers', () => {
    const none = computeMetrics([
      record({ expected: [], ranked: ['a'], abstained: false }),
      record({ expected: ['a'], ranked: ['a'], abstained: false }),
      record({ expected: ['b'], ranked: ['a'], abstained: false }),
    ]);
    expect(none.accuracy).toBe(0.3333);
    expect(none.abstain).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('no in-scope queries: ranking metrics are 0 rather than NaN', () => {
    const outOnly = computeMetrics([
      record({ lang: 'yue', expected: [], ranked: [], abstained: true }),
      record({ lang: 'yue', expected: [], ranked: ['a'], abstained: false }),
    ]);
    expect(outOnly.accuracy).toBe(0.5);
    expect([outOnly.hitAt1, outOnly.hitAt3, outOnly.mrr]).toEqual([0, 0, 0]);
    expect(outOnly.byLang.yue).toEqual({ n: 2, accuracy: 0.5, hitAt1: 0, hitAt3: 0, ceilingAt3: 1 });
    expect(outOnly.abstain).toEqual({ precision: 1, recall: 0.5, f1: 0.6667 });
  });

  it('an empty run is all zeros and still has every key', () => {
    const empty = computeMetrics([]);
    expect(empty).toEqual({
      n: 0,
      accuracy: 0,
      hitAt1: 0,
      hitAt3: 0,
      mrr: 0,
      ceilingAt3: 0,
      abstain: { precision: 0, recall: 0, f1: 0 },
      byLang: {},
      byBot: {},
      latencyMs: { p50: 0, p95: 0 },
    });
  });

  it('lists an unknown language after the known ones', () => {
    const abstained = { expected: [], ranked: [], abstained: true };
    const records = [record({ ...abstained, lang: 'mixed' }), record({ ...abstained, lang: 'xx' as never }), record({ ...abstained, lang: 'en' })];
    expect(Object.keys(computeMetrics(records).byLang)).toEqual(['en', 'mixed', 'xx']);
  });
});

describe('abstention', () => {
  it('is perfect when exactly the out-of-scope queries abstain', () => {
    expect(
      abstention([record({ expected: [], ranked: [], abstained: true }), record({ expected: ['a'], ranked: ['a'], abstained: false })]),
    ).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('percentile', () => {
  it('picks a measured value by nearest rank', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(20);
    expect(percentile([10, 20, 30, 40], 0.95)).toBe(40);
    expect(percentile([10, 20, 30, 40], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40], 1)).toBe(40);
  });

  it('handles ties, a single value and no values', () => {
    expect(percentile([2, 2, 2, 9], 0.5)).toBe(2);
    expect(percentile([2, 2, 2, 9], 0.95)).toBe(9);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });
});
