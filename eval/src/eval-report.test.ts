import { describe, expect, it } from 'vitest';
import { buildReport, computeMetrics, formatHtmlReport, formatMarkdownReport, formatTextReport, toReportJson, toSummary, type ConfigResult, type EvalRecord } from '@govchat/eval';

const records: EvalRecord[] = [
  { bot: 'housing', query: '公屋要等幾耐', lang: 'yue', expected: ['waiting-time'], ranked: ['waiting-time'], abstained: false, latencyMs: 2.345678, confidence: 0.912345 },
  { bot: 'housing', query: 'weather?', lang: 'en', expected: [], ranked: ['waiting-time'], abstained: false, latencyMs: 1, confidence: 0.7 },
];
const result = (name: string, recs: readonly EvalRecord[]): ConfigResult => ({ name, description: `${name} config`, records: recs, metrics: computeMetrics(recs) });

describe('buildReport', () => {
  it('measures the full pipeline, lists its misses and checks the gate', () => {
    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, minAccuracy: 0.75, now: new Date('2026-01-02T03:04:05Z') });
    expect(report.generatedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(report.metrics).toEqual(computeMetrics(records));
    expect(report.misses.map((m) => m.query)).toEqual(['weather?']);
    expect(report.gate).toMatchObject({ passed: false, accuracy: 0.5, minAccuracy: 0.75 });
    expect(report.compare).toBeUndefined();
  });

  it('takes the headline metrics from the full pipeline of a comparison', () => {
    const worse = records.map((r) => ({ ...r, abstained: true }));
    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, compare: [result('full', records), result('bm25', worse)] });
    expect(report.metrics.accuracy).toBe(0.5);
    expect(report.compare?.map((c) => [c.name, c.metrics.accuracy])).toEqual([
      ['full', 0.5],
      ['bm25', 0.5],
    ]);
  });
});

describe('buildReport with a baseline', () => {
  it('diffs the full pipeline against the baseline, limited to the bot the run was', () => {
    const baseline = [{ ...records[0]!, ranked: ['income-limit'] }, records[1]!, { ...records[0]!, bot: 'labour' }];
    const report = buildReport({ dataset: 'set.jsonl', bot: 'housing', answerer: 'extractive', records, baseline: { file: 'old.json', records: baseline } });
    expect(report.changes).toMatchObject({ baseline: 'old.json', unchanged: 1, regressions: [], removed: [] });
    expect(report.changes?.fixes.map((f) => f.query)).toEqual(['公屋要等幾耐']);
    // Without --bot, the labour query is gone from this run.
    const all = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, baseline: { file: 'old.json', records: baseline } });
    expect(all.changes?.removed.map((r) => r.bot)).toEqual(['labour']);
  });
});

describe('toSummary', () => {
  it('is exactly the metrics without a comparison', () => {
    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records });
    expect(toSummary(report)).toEqual(computeMetrics(records));
  });

  it('adds the lead over the best baseline, paired query by query, when every configuration ran the same queries', () => {
    const worse = records.map((r) => ({ ...r, ranked: ['income-limit'] }));
    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, compare: [result('full', records), result('bm25', worse)] });
    // Only the first query differs: right in full, wrong in bm25.
    expect(report.compare?.[1]?.versusFull).toEqual({ onlyFull: 1, onlyOther: 0, pValue: 1 });
    expect(toSummary(report).lead).toEqual({ baseline: 'bm25', points: 50, paired: { onlyFull: 1, onlyOther: 0, pValue: 1 } });
    expect(toReportJson(report).configs).toEqual([
      { name: 'full', description: 'full config' },
      { name: 'bm25', description: 'bm25 config', versusFull: { onlyFull: 1, onlyOther: 0, pValue: 1 } },
    ]);
  });

  it('adds compare.<config> metrics with a comparison', () => {
    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, compare: [result('full', records), result('dense', records.slice(1))] });
    const summary = toSummary(report);
    expect(Object.keys(summary.compare ?? {})).toEqual(['full', 'dense']);
    expect(summary.compare?.dense?.n).toBe(1);
    expect(summary.accuracy).toBe(summary.compare?.full?.accuracy);
  });
});

describe('toSummary with a baseline', () => {
  it('adds the changes under "changes", keeping every metric key at top level', () => {
    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, baseline: { file: 'old.json', records } });
    const summary = toSummary(report);
    expect(summary).toMatchObject(computeMetrics(records));
    expect(summary.changes).toMatchObject({ baseline: 'old.json', accuracy: { before: 0.5, after: 0.5, delta: 0 }, unchanged: 2 });
    expect(summary.compare).toBeUndefined();
    expect(toReportJson(report).changes).toEqual(summary.changes);
  });
});

describe('toReportJson', () => {
  it('holds the summary, the run, the gate, the misses and every record, rounded', () => {
    const json = toReportJson(buildReport({ dataset: 'set.jsonl', bot: 'housing', answerer: 'extractive', records, minAccuracy: 0.5 }));
    expect(json).toMatchObject({ n: 2, accuracy: 0.5, run: { dataset: 'set.jsonl', bot: 'housing', answerer: 'extractive' }, gate: { passed: true } });
    expect((json.misses as unknown[]).length).toBe(1);
    expect((json.records as EvalRecord[])[0]).toMatchObject({ latencyMs: 2.35, confidence: 0.9123 });
  });
});

describe('the calibration a run was judged by', () => {
  it('is named in every format when known, escaped where the format needs it, and absent otherwise', () => {
    const calibration = 'data/calibration.json (my <dev> set: 40 queries)';
    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', calibration, records });
    expect(formatTextReport(report).split('\n')[1]).toBe(`calibration: ${calibration}`);
    expect(formatMarkdownReport(report)).toContain('Calibration: data/calibration.json (my &lt;dev&gt; set: 40 queries).');
    expect(formatHtmlReport(report)).toContain('Calibration: data/calibration.json (my &lt;dev&gt; set: 40 queries)');
    expect(toReportJson(report).run).toMatchObject({ calibration });
    // --json keeps exactly the metric keys the issue names: the calibration is run context.
    expect(toSummary(report)).not.toHaveProperty('calibration');

    const unknown = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records });
    expect(formatTextReport(unknown)).not.toContain('calibration:');
    expect(toReportJson(unknown).run).not.toHaveProperty('calibration');
  });
});
