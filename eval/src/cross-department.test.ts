import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus, loadCorpus, loadIndex, type BotIndex } from '@govchat/core';
import {
  buildReport,
  crossDepartmentQueries,
  diffCrossDepartment,
  evalConfigs,
  parseDataset,
  runComparison,
  formatHtmlReport,
  formatMarkdownReport,
  formatTextReport,
  runCrossDepartment,
  summariseCrossDepartment,
  toSummary,
  type CrossDepartmentQuery,
  type EvalRecord,
} from '@govchat/eval';

const corpus = (bot: string): string => fileURLToPath(new URL(`../../corpora/${bot}`, import.meta.url));
let dataDir: string;
let iamSmart: BotIndex;
let openData: BotIndex;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'govchat-eval-cross-'));
  for (const bot of ['iam-smart', 'open-data']) await ingestCorpus(await loadCorpus(corpus(bot)), { dataDir });
  [iamSmart, openData] = await Promise.all([loadIndex(dataDir, 'iam-smart'), loadIndex(dataDir, 'open-data')]);
});

const questionCount = (index: BotIndex): number => index.entries.reduce((n, e) => n + Object.values(e.question).filter((q) => q !== undefined).length, 0);

describe('crossDepartmentQueries', () => {
  it("puts every FAQ question of every other bot, in each language, to each bot, expecting it to abstain", () => {
    const queries = crossDepartmentQueries([iamSmart, openData]);
    expect(queries).toHaveLength(questionCount(iamSmart) + questionCount(openData));
    const toOpenData = queries.filter((q) => q.bot === 'open-data');
    expect(toOpenData).toHaveLength(questionCount(iamSmart));
    expect(toOpenData.every((q) => q.from.bot === 'iam-smart' && q.expected.length === 0)).toBe(true);
    const fees = iamSmart.entryById('fees')!;
    expect(toOpenData.filter((q) => q.from.id === 'fees').map((q) => [q.lang, q.query])).toEqual([
      ['en', fees.question.en],
      ['zh-HK', fees.question['zh-HK']],
    ]);
    // A bot is never asked its own questions.
    expect(queries.some((q) => q.bot === q.from.bot)).toBe(false);
  });

  it('asks only the chosen bots, and nothing when there is no other department', () => {
    expect(new Set(crossDepartmentQueries([iamSmart, openData], ['iam-smart']).map((q) => q.bot))).toEqual(new Set(['iam-smart']));
    expect(crossDepartmentQueries([iamSmart])).toEqual([]);
  });
});

describe('summariseCrossDepartment', () => {
  const query = (bot: string, text: string): CrossDepartmentQuery => ({ bot, query: text, lang: 'en', expected: [], line: 1, from: { bot: 'other', id: `q-${text}` } });
  const record = (q: CrossDepartmentQuery, answered: string | undefined, confidence: number): EvalRecord => ({
    bot: q.bot,
    query: q.query,
    lang: q.lang,
    expected: [],
    ranked: answered === undefined ? [] : [answered],
    abstained: answered === undefined,
    confidence,
    latencyMs: 1,
  });

  it('counts answers per bot and lists the answered ones most confident first', () => {
    const qs = [query('a', 'one'), query('a', 'two'), query('b', 'three'), query('b', 'four')];
    const result = summariseCrossDepartment(qs, [record(qs[0]!, 'faq-1', 0.6), record(qs[1]!, undefined, 0.2), record(qs[2]!, 'faq-2', 0.9), record(qs[3]!, 'faq-3', 0.7)]);
    expect(result).toMatchObject({ n: 4, answered: 3, share: 0.75 });
    expect(result.byBot).toEqual({ a: { n: 2, answered: 1, share: 0.5 }, b: { n: 2, answered: 2, share: 1 } });
    expect(result.worst.map((w) => [w.bot, w.from.id, w.answeredWith, w.confidence])).toEqual([
      ['b', 'q-three', 'faq-2', 0.9],
      ['b', 'q-four', 'faq-3', 0.7],
      ['a', 'q-one', 'faq-1', 0.6],
    ]);
    expect(summariseCrossDepartment(qs, qs.map((q) => record(q, 'x', 0.5)), 2).worst).toHaveLength(2);
  });

  it('counts an abstention with a best candidate as declined, and an empty run as 0 of 0', () => {
    const q = query('a', 'one');
    expect(summariseCrossDepartment([q], [{ ...record(q, 'faq-1', 0.1), abstained: true }])).toMatchObject({ n: 1, answered: 0, share: 0, worst: [] });
    expect(summariseCrossDepartment([], [])).toEqual({ n: 0, answered: 0, share: 0, byBot: {}, worst: [] });
  });

  it('refuses records that do not pair with the queries', () => {
    expect(() => summariseCrossDepartment([query('a', 'one')], [])).toThrow(/1 queries but 0 records/);
  });
});

describe('diffCrossDepartment', () => {
  const counts = (byBot: Record<string, [number, number]>) => {
    const entries = Object.entries(byBot).map(([bot, [n, answered]]) => [bot, { n, answered }] as const);
    return { n: entries.reduce((t, [, g]) => t + g.n, 0), answered: entries.reduce((t, [, g]) => t + g.answered, 0), byBot: Object.fromEntries(entries) };
  };

  it('gives the answered share then and now, in points, over the bots both runs asked', () => {
    const change = diffCrossDepartment(counts({ a: [100, 50], b: [100, 20], gone: [10, 10] }), counts({ b: [100, 25], a: [100, 40], added: [5, 5] }))!;
    // Totals over a and b only: 70 of 200 → 65 of 200.
    expect(change).toMatchObject({ before: { n: 200, answered: 70, share: 0.35 }, after: { n: 200, answered: 65, share: 0.325 }, points: -2.5 });
    expect(Object.keys(change.byBot)).toEqual(['b', 'a']);
    expect(change.byBot.a).toMatchObject({ points: -10 });
    expect(change.byBot.b).toMatchObject({ points: 5 });
  });

  it('is undefined when the runs share no bot, and 0 points when nothing moved', () => {
    expect(diffCrossDepartment(counts({ a: [10, 1] }), counts({ b: [10, 1] }))).toBeUndefined();
    expect(diffCrossDepartment(counts({ a: [10, 1] }), counts({ a: [10, 1] }))?.points).toBe(0);
  });

  it('shows in the changes section of every format, with the verdict', () => {
    const result = { ...counts({ a: [100, 60] }), share: 0.6, byBot: { a: { n: 100, answered: 60, share: 0.6 } }, worst: [] };
    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records: [], crossDepartment: result, baseline: { file: 'old.json', records: [], crossDepartment: counts({ a: [100, 50] }) } });
    expect(report.changes?.crossDepartment?.points).toBe(10);
    const line = "Other departments' questions answered: 50.0% → 60.0% (+10.0 points, worse; 50 of 100 → 60 of 100)";
    expect(formatTextReport(report)).toContain(line);
    expect(formatMarkdownReport(report)).toContain("### Other departments' questions");
    expect(formatHtmlReport(report)).toContain('50.0% → 60.0% (+10.0 points, worse; 50 of 100 → 60 of 100)');
    expect(toSummary(report).changes?.crossDepartment?.after.answered).toBe(60);
    // Without counts in the baseline there is nothing to compare.
    expect(buildReport({ dataset: 's', answerer: 'extractive', records: [], crossDepartment: result, baseline: { file: 'old.json', records: [] } }).changes?.crossDepartment).toBeUndefined();
  });
});

describe('runCrossDepartment', () => {
  it('runs the real pipeline over every bot in the data dir, and reports in every format', async () => {
    const result = await runCrossDepartment({ dataDir });
    expect(result.n).toBe(questionCount(iamSmart) + questionCount(openData));
    expect(result.byBot['iam-smart']?.n).toBe(questionCount(openData));
    expect(result.answered).toBe(result.byBot['iam-smart']!.answered + result.byBot['open-data']!.answered);
    // Each listed answer names an FAQ of the bot that gave it, never one of the department asked about.
    for (const w of result.worst) expect((w.bot === 'iam-smart' ? iamSmart : openData).entryById(w.answeredWith)).toBeDefined();

    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records: [], crossDepartment: result });
    expect(toSummary(report).crossDepartment).toEqual(result);
    const line = `Asked ${result.n} questions from other departments' FAQs: answered ${result.answered}`;
    expect(formatTextReport(report)).toContain(line);
    expect(formatTextReport(report)).toMatch(/^open-data\s+\d+\s+\d+\s+\d+\.\d\s+\d/m);
    expect(formatMarkdownReport(report)).toContain("## Other departments' questions");
    expect(formatHtmlReport(report)).toContain("<h2>Other departments' questions</h2>");
  });

  it('judges only the chosen bots', async () => {
    const result = await runCrossDepartment({ dataDir, bots: ['open-data'] });
    expect(Object.keys(result.byBot)).toEqual(['open-data']);
    expect(result.n).toBe(questionCount(iamSmart));
  });
});

describe('runComparison with crossDepartments', () => {
  it("puts the other departments' questions through each configuration, and the comparison table shows each one's share", async () => {
    const queries = parseDataset(JSON.stringify({ bot: 'open-data', query: 'How do I find a dataset?', lang: 'en', expected: ['search-datasets'] }));
    const configs = evalConfigs().filter((c) => c.name === 'full' || c.name === 'bm25');
    const labels = new Set<string>();
    const results = await runComparison(queries, { dataDir, configs, crossDepartments: { bots: ['open-data'] }, onProgress: (_done, _total, label) => labels.add(label) });
    const [full, bm25] = results;
    expect(full?.crossDepartment?.n).toBe(questionCount(iamSmart));
    expect(bm25?.crossDepartment?.n).toBe(questionCount(iamSmart));
    // The full pipeline's share is the same as asking it directly: nothing is shared between configurations.
    const direct = await runCrossDepartment({ dataDir, bots: ['open-data'] });
    expect(full?.crossDepartment?.answered).toBe(direct.answered);
    expect(labels).toContain('bm25 · other departments');

    const report = buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records: full!.records, compare: results });
    // The report's own cross-department section is the full pipeline's.
    expect(report.crossDepartment).toBe(full!.crossDepartment);
    const summary = toSummary(report);
    expect(summary.compare?.bm25?.crossDepartment).toEqual({ n: bm25!.crossDepartment!.n, answered: bm25!.crossDepartment!.answered, share: bm25!.crossDepartment!.share });
    const text = formatTextReport(report);
    expect(text).toContain('other depts answered %');
    expect(text).toMatch(new RegExp(`^bm25 .* ${(bm25!.crossDepartment!.share * 100).toFixed(1)}\\s+\\d`, 'm'));
    // Without cross-department runs the column is not there.
    expect(formatTextReport(buildReport({ dataset: 's', answerer: 'extractive', records: full!.records, compare: results.map(({ crossDepartment: _c, ...r }) => r) }))).not.toContain('other depts');
  });
});
