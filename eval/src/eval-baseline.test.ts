import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GovchatError } from '@govchat/core';
import { buildReport, formatBaseline, loadBaseline, parseBaseline, toReportJson, type EvalRecord } from '@govchat/eval';
import { caughtGovchatError as caught } from '../../packages/core/src/test-helpers/caught-error.js';

const records: EvalRecord[] = [
  { bot: 'housing', query: '公屋要等幾耐', lang: 'yue', expected: ['waiting-time'], ranked: ['waiting-time', 'income-limit'], abstained: false, latencyMs: 2.345678, confidence: 0.912345, line: 1 },
  { bot: 'housing', query: '幾多錢?', lang: 'yue', history: ['申請公屋'], expected: ['fees'], ranked: ['income-limit'], abstained: true, latencyMs: 1, confidence: 0.2, line: 2 },
];
const reportJson = JSON.stringify(toReportJson(buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records })), null, 2);

describe('parseBaseline', () => {
  it('reads the records of a report.json written by --report', () => {
    const baseline = parseBaseline(reportJson, 'old/report.json');
    expect(baseline).toMatchObject({ file: 'old/report.json', dataset: 'set.jsonl', answerer: 'extractive' });
    expect(baseline.records).toHaveLength(2);
    expect(baseline.records[1]).toMatchObject({ query: '幾多錢?', history: ['申請公屋'], abstained: true, confidence: 0.2 });
  });

  it('needs only what a diff reads: no metrics, no latency', () => {
    const { ranked, bot, query, lang, expected, abstained, confidence } = records[0]!;
    expect(parseBaseline(JSON.stringify({ records: [{ bot, query, lang, expected, ranked, abstained, confidence }] })).records).toHaveLength(1);
  });

  it('rejects a bad file with an INVALID_INPUT error naming the file and the field', () => {
    const broken = JSON.parse(reportJson) as { records: Record<string, unknown>[] };
    broken.records[1]!.abstained = 'yes';
    const error = caught(() => parseBaseline(JSON.stringify(broken), 'eval/baselines/test.json'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.file).toBe('eval/baselines/test.json');
    expect(error.field).toBe('records.1.abstained');
    expect(error.message).toMatch(/^eval\/baselines\/test\.json field "records\.1\.abstained": .*report\.json/);

    const wrongLang = JSON.parse(reportJson) as { records: Record<string, unknown>[] };
    wrongLang.records[0]!.lang = 'fr';
    expect(caught(() => parseBaseline(JSON.stringify(wrongLang), 'b.json')).field).toBe('records.0.lang');
    // The one-line --json summary is not a baseline: it has no records.
    expect(caught(() => parseBaseline('{"n": 2, "accuracy": 0.5}', 'summary.json')).message).toContain('summary.json field "records"');
    const notJson = caught(() => parseBaseline('{"records": [', 'cut.json'));
    expect([notJson.code, notJson.file, notJson.message]).toEqual(['INVALID_INPUT', 'cut.json', expect.stringContaining('not valid JSON')]);
  });
});

describe('loadBaseline', () => {
  it('names a missing file', async () => {
    const error = await loadBaseline('/nonexistent/report.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GovchatError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', file: '/nonexistent/report.json' });
  });

  it('reads a file from disk', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'govchat-baseline-')), 'report.json');
    await writeFile(file, reportJson);
    expect((await loadBaseline(file)).records.map((r) => r.query)).toEqual(['公屋要等幾耐', '幾多錢?']);
  });
});

describe('formatBaseline', () => {
  const text = formatBaseline(parseBaseline(reportJson, 'report.json'));

  it('keeps what a diff needs and drops what changes every run', () => {
    const json = JSON.parse(text) as Record<string, unknown> & { records: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['n', 'accuracy', 'byLang', 'byBot', 'run', 'records']);
    expect(json).toMatchObject({ n: 2, accuracy: 0.5, run: { dataset: 'set.jsonl', answerer: 'extractive' } });
    expect(text).not.toMatch(/latency|generatedAt|misses/);
    expect(json.records[0]).toEqual({ bot: 'housing', query: '公屋要等幾耐', lang: 'yue', expected: ['waiting-time'], ranked: ['waiting-time'], abstained: false, confidence: 0.9123, line: 1 });
  });

  it("keeps a cross-department run's counts, not its listed answers, and rejects broken counts naming the field", () => {
    const crossDepartment = {
      n: 4,
      answered: 3,
      share: 0.75,
      byBot: { housing: { n: 4, answered: 3, share: 0.75 } },
      worst: [{ bot: 'housing', query: 'How do I renew my passport?', from: { bot: 'immigration', id: 'renew' }, answeredWith: 'fees', confidence: 0.9 }],
    };
    const report = toReportJson(buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records, crossDepartment }));
    const baseline = parseBaseline(JSON.stringify(report), 'report.json');
    expect(baseline.crossDepartment).toEqual({ n: 4, answered: 3, byBot: { housing: { n: 4, answered: 3 } } });
    const written = formatBaseline(baseline);
    expect(Object.keys(JSON.parse(written) as object)).toEqual(['n', 'accuracy', 'byLang', 'byBot', 'run', 'crossDepartment', 'records']);
    expect(written).not.toContain('passport');
    expect(formatBaseline(parseBaseline(written, 'b.json'))).toBe(written);
    const broken = { ...report, crossDepartment: { ...crossDepartment, byBot: { housing: { n: 4, answered: -1 } } } };
    const error = caught(() => parseBaseline(JSON.stringify(broken), 'b.json'));
    expect([error.file, error.field]).toEqual(['b.json', 'crossDepartment.byBot.housing.answered']);
  });

  it('writes one record a line, and is a fixed point: loading and rewriting changes nothing', () => {
    expect(text.split('\n').filter((l) => l.startsWith('    {"bot"'))).toHaveLength(2);
    expect(formatBaseline(parseBaseline(text, 'b.json'))).toBe(text);
  });
});
