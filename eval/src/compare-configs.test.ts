import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus, loadCorpus } from '@govchat/core';
import { compareWithFull, computeMetrics, evalConfigs, FULL_PIPELINE, leadOverBaselines, parseDataset, runComparison, type EvalMetrics, type EvalRecord } from '@govchat/eval';

const corpusDir = fileURLToPath(new URL('../../corpora/iam-smart', import.meta.url));
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'govchat-eval-compare-'));
  await ingestCorpus(await loadCorpus(corpusDir), { dataDir });
});

const queries = parseDataset(
  [
    { bot: 'iam-smart', query: 'Does iAM Smart cost anything?', lang: 'en', expected: ['fees'] },
    { bot: 'iam-smart', query: '如何取消「智方便」帳戶？', lang: 'zh-HK', expected: ['cancel-account'] },
    { bot: 'iam-smart', query: 'xyzzyq plughq', lang: 'en', expected: [] },
  ]
    .map((q) => JSON.stringify(q))
    .join('\n'),
);

describe('evalConfigs', () => {
  it('is the full pipeline, BM25 only, dense only and MiniSearch, the product first', () => {
    expect(evalConfigs().map((c) => c.name)).toEqual([FULL_PIPELINE, 'bm25', 'dense', 'minisearch']);
  });
});

describe('runComparison', () => {
  it('runs the same queries through every configuration, each through its own retriever', async () => {
    const progress: [number, number, string][] = [];
    const results = await runComparison(queries, { dataDir, onProgress: (done, total, config) => progress.push([done, total, config]) });
    expect(results.map((r) => r.name)).toEqual(['full', 'bm25', 'dense', 'minisearch']);
    for (const r of results) {
      expect(r.records.map((x) => x.query)).toEqual(queries.map((q) => q.query));
      expect(r.metrics).toEqual(computeMetrics(r.records));
    }
    // Everything matches something in MiniSearch except nonsense, so it abstains there and only there.
    expect(results.find((r) => r.name === 'minisearch')?.records.map((r) => r.abstained)).toEqual([false, false, true]);
    expect(progress).toHaveLength(12);
    expect(progress.map(([done]) => done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(progress.map(([, total]) => total))).toEqual(new Set([12]));
    expect(progress[3]?.[2]).toBe('bm25');
  });

  it('limits every configuration to one bot', async () => {
    const housing = { ...queries[0]!, bot: 'housing', expected: [] };
    const results = await runComparison([...queries, housing], { dataDir, bot: 'iam-smart', configs: evalConfigs().slice(0, 1) });
    expect(results[0]?.records).toHaveLength(3);
  });
});

describe('leadOverBaselines', () => {
  const withAccuracy = (name: string, accuracy: number): { name: string; metrics: EvalMetrics } => ({
    name,
    metrics: { ...computeMetrics([]), accuracy },
  });

  it('is the gap in accuracy points to the best other configuration', () => {
    const lead = leadOverBaselines([withAccuracy('full', 0.9143), withAccuracy('bm25', 0.6), withAccuracy('dense', 0.8), withAccuracy('minisearch', 0.3)]);
    expect(lead).toEqual({ baseline: 'dense', points: 11.4 });
  });

  it('is negative when a baseline wins, and undefined with nothing to compare', () => {
    expect(leadOverBaselines([withAccuracy('full', 0.5), withAccuracy('bm25', 0.6)])).toEqual({ baseline: 'bm25', points: -10 });
    expect(leadOverBaselines([withAccuracy('full', 0.5)])).toBeUndefined();
    expect(leadOverBaselines([withAccuracy('bm25', 0.5)])).toBeUndefined();
  });
});

describe('compareWithFull', () => {
  const record = (query: string, right: boolean): EvalRecord => ({
    bot: 'housing',
    query,
    lang: 'en',
    expected: ['fees'],
    ranked: [right ? 'fees' : 'waiting-time'],
    abstained: false,
    latencyMs: 1,
    confidence: 0.8,
  });
  const run = (rights: readonly boolean[]): EvalRecord[] => rights.map((right, i) => record(`q${i}`, right));

  it('counts the queries only one side got right, and the exact McNemar p of that split', () => {
    // q0 both right, q1–q6 only the full pipeline, q7 only the other, q8 neither.
    const full = run([true, true, true, true, true, true, true, false, false]);
    const other = run([true, false, false, false, false, false, false, true, false]);
    // 7 discordant, 6 one way: 2 × (1 + 7) / 2^7 = 0.125.
    expect(compareWithFull(full, other)).toEqual({ onlyFull: 6, onlyOther: 1, pValue: 0.125 });
    // Six to none: 2 / 2^6 = 0.03125.
    expect(compareWithFull(full.slice(0, 7), other.slice(0, 7))).toEqual({ onlyFull: 6, onlyOther: 0, pValue: 0.0313 });
  });

  it('refuses runs of different queries rather than pairing them wrongly', () => {
    expect(() => compareWithFull(run([true, true]), run([true]))).toThrow(/compareWithFull: .*not of the same queries/);
    expect(() => compareWithFull(run([true]), [record('another', true)])).toThrow(/compareWithFull/);
  });

  it('is what leadOverBaselines reports beside the points', () => {
    const paired = { onlyFull: 6, onlyOther: 1, pValue: 0.125 };
    const lead = leadOverBaselines([
      { name: 'full', metrics: { ...computeMetrics([]), accuracy: 0.7 } },
      { name: 'bm25', metrics: { ...computeMetrics([]), accuracy: 0.6 }, versusFull: paired },
    ]);
    expect(lead).toEqual({ baseline: 'bm25', points: 10, paired });
  });
});
