import { describe, expect, it } from 'vitest';
import { buildReport, computeMetrics, formatTextReport, type EvalRecord } from '@govchat/eval';

const record = (query: string, fields: Partial<EvalRecord> = {}): EvalRecord => ({
  bot: 'housing',
  query,
  lang: 'yue',
  expected: ['waiting-time'],
  ranked: ['income-limit'],
  abstained: false,
  latencyMs: 1,
  confidence: 0.5,
  ...fields,
});
const misses = Array.from({ length: 12 }, (_, i) => record(`公屋輪候要等幾耐先上到樓 query number ${i} with a very long tail of words`, { confidence: 1 - i / 100 }));
const records = [record('right', { ranked: ['waiting-time'], lang: 'en' }), ...misses, record('weather', { expected: [], abstained: true, ranked: [], lang: 'en' })];
const at = (text: string, heading: string): string[] => {
  const lines = text.split('\n');
  return lines.slice(lines.indexOf(heading) + 1);
};

describe('formatTextReport', () => {
  const text = formatTextReport(buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records }));

  it('has overall, per-language, per-bot and worst-misses sections', () => {
    expect(text).toContain('govchat eval · set.jsonl · 14 queries · answerer extractive');
    for (const heading of ['Overall (full pipeline)', 'By language', 'By bot', 'Worst misses (10 of 12)']) expect(text.split('\n')).toContain(heading);
    expect(at(text, 'By language').slice(2, 4).map((l) => l.split(/\s+/)[0])).toEqual(['en', 'yue']);
    expect(text).not.toContain('Compared');
  });

  it('lists the worst ten misses with expected, got and confidence', () => {
    const rows = at(text, 'Worst misses (10 of 12)').slice(2, 12);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatch(/^housing\s+yue\s+公屋輪候要等幾耐.*…\s+waiting-time\s+income-limit\s+1\.000$/);
    expect(text).not.toContain('query number 10');
  });

  it('aligns columns by display width, Chinese characters counting double', () => {
    const rows = at(text, 'Worst misses (10 of 12)').slice(0, 12);
    const width = (s: string): number => [...s].reduce((w, c) => w + (/[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);
    // The "expected" column starts at the same terminal column on the header and on every row.
    const columnOf = (row: string): number => width(row.slice(0, Math.max(row.indexOf('waiting-time'), row.indexOf('expected'))));
    const starts = rows.filter((r) => r.includes('waiting-time') || r.includes('expected')).map(columnOf);
    expect(starts).toHaveLength(11);
    expect(new Set(starts).size).toBe(1);
  });

  it('adds the comparison and the lead over the best baseline when compared', () => {
    const worse = records.map((r) => ({ ...r, abstained: true }));
    const compare = [
      { name: 'full', description: '', records, metrics: computeMetrics(records) },
      { name: 'bm25', description: '', records: worse, metrics: computeMetrics(worse) },
    ];
    const compared = formatTextReport(buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, compare }));
    const table = at(compared, 'Compared (same dataset, same corpora)');
    expect(table[0]).toMatch(/^config\s+acc %\s+hit@1 %\s+hit@3 %\s+MRR\s+abst F1\s+en %\s+yue %\s+p50 ms\s+p95 ms$/);
    // full: 'right' and the 'weather' abstention of 14 queries; bm25 abstains on everything: 'weather' only.
    expect(table[2]).toMatch(/^full\s+14\.3\s/);
    expect(table[3]).toMatch(/^bm25\s+7\.1\s/);
    // 0.1429 − 0.0714; only 'right' separates them, and one query proves nothing (p = 1).
    expect(compared).toContain('full pipeline vs best baseline (bm25): +7.2 points (right only in the full pipeline: 1, only in bm25: 0; p = 1.00, could be chance)');
  });

  it('says so when there are no misses', () => {
    expect(formatTextReport(buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records: records.slice(0, 1) }))).toContain('No misses.');
  });

  it('lists accuracy deltas, then every regression and fix (regressions first) since the baseline', () => {
    // Baseline: 'right' and misses 0 and 1 were right; 'weather' answered. Now: 'right' regressed to an
    // abstention, misses 0 and 1 regressed, 'weather' is fixed, and one query was added.
    const baseline = [
      { ...records[0]!, abstained: false },
      { ...misses[0]!, ranked: ['waiting-time'], confidence: 0.7 },
      { ...misses[1]!, ranked: ['waiting-time'] },
      ...misses.slice(2),
      { ...records.at(-1)!, abstained: false, ranked: ['fees'], confidence: 0.9 },
    ];
    const now = [{ ...records[0]!, abstained: true, confidence: 0.2 }, ...records.slice(1), record('brand new', { line: 15 })];
    const text = formatTextReport(buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records: now, baseline: { file: 'eval/baselines/test.json', records: baseline } }));
    expect(text).toContain('Changes since baseline (eval/baselines/test.json)\naccuracy 21.4% → 6.7% (-14.8 points): 3 regressions, 1 fix, 10 unchanged; p = 0.63, could be chance; dataset: 1 added, 0 removed');
    const deltas = at(text, 'Accuracy');
    expect(deltas[0]).toMatch(/^scope\s+n\s+was %\s+now %\s+Δ points\s+worse \/ better\s+p$/);
    expect(deltas[2]).toMatch(/^all\s+14 → 15\s+21\.4\s+6\.7\s+-14\.8\s+3 \/ 1\s+0\.63$/);
    expect(deltas[3]).toMatch(/^lang en\s+2\s+50\.0\s+50\.0\s+0\.0\s+1 \/ 1\s+1\.00$/); // 'right' regressed, 'weather' fixed
    expect(deltas[4]).toMatch(/^lang yue\s+12 → 13\s+16\.7\s+0\.0\s+-16\.7\s+2 \/ 0\s+0\.50$/);
    expect(deltas[5]).toMatch(/^bot housing\s+14 → 15\s+21\.4\s+6\.7\s+-14\.8\s+3 \/ 1\s+0\.63$/);
    const regressions = at(text, 'Regressions: right in the baseline, wrong now (3)');
    expect(regressions[0]).toMatch(/^bot\s+lang\s+query\s+expected\s+was\s+now\s+conf was → now$/);
    // Confident wrong answers first, the abstention last.
    expect(regressions[2]).toMatch(/^housing\s+yue\s+公屋輪候要等幾耐.*number 0 .*…\s+waiting-time\s+waiting-time\s+income-limit\s+0\.700 → 1\.000$/);
    expect(regressions[3]).toMatch(/number 1 .*0\.990 → 0\.990$/);
    expect(regressions[4]).toMatch(/^housing\s+en\s+right\s+waiting-time\s+waiting-time\s+abstained \(best: waiting-time\)\s+0\.500 → 0\.200$/);
    const fixes = at(text, 'Fixes: wrong in the baseline, right now (1)');
    expect(fixes[2]).toMatch(/^housing\s+en\s+weather\s+\(abstain\)\s+fees\s+abstained\s+0\.900 → 0\.500$/);
    expect(at(text, 'Added to the dataset (1)')[2]).toMatch(/^housing\s+yue\s+brand new\s+waiting-time$/);
    expect(text.indexOf('Regressions:')).toBeLessThan(text.indexOf('Fixes:'));
    expect(text).not.toContain('Removed from the dataset');
  });

  it('says so when nothing changed, and warns when the baseline shares no query', () => {
    const same = formatTextReport(buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, baseline: { file: 'b.json', records } }));
    expect(same).toContain('Regressions: right in the baseline, wrong now: none.');
    expect(same).toContain('Fixes: wrong in the baseline, right now: none.');
    const other = formatTextReport(buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, baseline: { file: 'dev.json', records: [record('elsewhere')] } }));
    expect(other).toContain('No query in common with the baseline: is dev.json a run of another dataset?');
    expect(other).not.toContain('Added to the dataset');
  });
});
