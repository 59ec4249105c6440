import type { Lead } from './compare-configs.js';
import type { AccuracyChange, DatasetChange, QueryChange, QueryDecision } from './compare-runs.js';
import type { CrossDepartmentAnswer, CrossDepartmentChange, CrossDepartmentResult, CrossDepartmentShift } from './cross-department.js';
import type { EvalMetrics } from './eval-metrics.js';
import type { ConfigSummary, ReportChanges } from './eval-report.js';
import type { EvalMiss } from './select-misses.js';
import { wilsonInterval, type ShareInterval } from './significance.js';

/** A table every report format (terminal, Markdown, HTML) shows; cells are already formatted. */
export interface ReportTable {
  readonly header: readonly string[];
  /** Per column: numbers are right-aligned in every format. */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * A 0–1 share as a percentage with one decimal: accuracy targets and "points above baseline"
 * are spoken of in percentage points.
 *
 * @example formatPercent(0.91429) // '91.4'
 */
export function formatPercent(share: number): string {
  return (share * 100).toFixed(1);
}

/**
 * A score that is not a share of queries (MRR, F1) with three decimals.
 *
 * @example formatScore(0.6667) // '0.667'
 */
export function formatScore(value: number): string {
  return value.toFixed(3);
}

/**
 * Every language that occurs in any of the metrics, in report order.
 *
 * @example langsOf([metrics]) // ['en', 'zh-HK', 'yue', 'zh-CN', 'mixed']
 */
export function langsOf(all: readonly EvalMetrics[]): string[] {
  const seen: string[] = [];
  for (const m of all) for (const lang of Object.keys(m.byLang)) if (!seen.includes(lang)) seen.push(lang);
  return seen;
}

/**
 * The headline numbers of one run, one row.
 *
 * @example overallTable(report.metrics).rows[0]
 */
export function overallTable(m: EvalMetrics): ReportTable {
  return {
    header: ['n', 'acc %', 'acc 95% CI', 'hit@1 %', 'hit@3 %', 'top-3 ceiling %', 'MRR', 'abst P', 'abst R', 'abst F1', 'p50 ms', 'p95 ms'],
    numeric: Array(12).fill(true),
    rows: [
      [
        String(m.n),
        formatPercent(m.accuracy),
        formatInterval(m.accuracy, m.n),
        formatPercent(m.hitAt1),
        formatPercent(m.hitAt3),
        formatPercent(m.ceilingAt3),
        formatScore(m.mrr),
        formatScore(m.abstain.precision),
        formatScore(m.abstain.recall),
        formatScore(m.abstain.f1),
        formatMs(m.latencyMs.p50),
        formatMs(m.latencyMs.p95),
      ],
    ],
  };
}

/**
 * Accuracy, hit@1, hit@3 and the top-3 ceiling (EvalMetrics.ceilingAt3) per query language: where
 * accuracy is far below the ceiling, ranking or abstention loses answers retrieval found; where the
 * ceiling itself is low, retrieval never found them.
 *
 * @example langTable(report.metrics).rows.map((r) => r[0]) // ['en', 'zh-HK', 'yue', 'zh-CN', 'mixed']
 */
export function langTable(m: EvalMetrics): ReportTable {
  return {
    header: ['lang', 'n', 'acc %', 'acc 95% CI', 'hit@1 %', 'hit@3 %', 'top-3 ceiling %'],
    numeric: [false, true, true, true, true, true, true],
    rows: Object.entries(m.byLang).map(([lang, g]) => [
      lang,
      String(g.n),
      formatPercent(g.accuracy),
      formatInterval(g.accuracy, g.n),
      formatPercent(g.hitAt1),
      formatPercent(g.hitAt3),
      formatPercent(g.ceilingAt3),
    ]),
  };
}

/**
 * Accuracy per bot.
 *
 * @example botTable(report.metrics).rows[0] // ['housing', '35', '91.4']
 */
export function botTable(m: EvalMetrics): ReportTable {
  return {
    header: ['bot', 'n', 'acc %', 'acc 95% CI'],
    numeric: [false, true, true, true],
    rows: Object.entries(m.byBot).map(([bot, g]) => [bot, String(g.n), formatPercent(g.accuracy), formatInterval(g.accuracy, g.n)]),
  };
}

/**
 * The comparison: configuration × (accuracy, hit@1, hit@3, MRR, abstain F1, accuracy per
 * language, p50/p95 latency).
 *
 * @example compareTable(report.compare ?? []).header[0] // 'config'
 */
export function compareTable(configs: readonly ConfigSummary[]): ReportTable {
  const langs = langsOf(configs.map((c) => c.metrics));
  // Run with --cross-departments: how often each configuration answers other departments' questions.
  const cross = configs.some((c) => c.crossDepartment !== undefined);
  const header = ['config', 'acc %', 'hit@1 %', 'hit@3 %', 'MRR', 'abst F1', ...langs.map((l) => `${l} %`), ...(cross ? ['other depts answered %'] : []), 'p50 ms', 'p95 ms'];
  return {
    header,
    numeric: header.map((_, i) => i > 0),
    rows: configs.map(({ name, metrics: m, crossDepartment }) => [
      name,
      formatPercent(m.accuracy),
      formatPercent(m.hitAt1),
      formatPercent(m.hitAt3),
      formatScore(m.mrr),
      formatScore(m.abstain.f1),
      ...langs.map((lang) => (m.byLang[lang] === undefined ? '–' : formatPercent(m.byLang[lang].accuracy))),
      ...(cross ? [crossDepartment === undefined ? '–' : formatPercent(crossDepartment.share)] : []),
      formatMs(m.latencyMs.p50),
      formatMs(m.latencyMs.p95),
    ]),
  };
}

/** Column of the query in `missesTable`, for formats that shorten it. */
export const MISS_QUERY_COLUMN = 2;

/**
 * The misses: query, what was expected, what the bot did, and its confidence.
 *
 * @example missesTable(report.misses.slice(0, 10))
 */
export function missesTable(misses: readonly EvalMiss[]): ReportTable {
  return {
    header: ['bot', 'lang', 'query', 'expected', 'got', 'conf'],
    numeric: [false, false, false, false, false, true],
    rows: misses.map((m) => [m.bot, m.lang, withHistory(m), formatExpected(m), formatGot(m), m.confidence.toFixed(3)]),
  };
}

/** The cross-department section of a report, as every format shows it under its own heading. */
export interface CrossDepartmentSection {
  /** One sentence: how many were asked and answered. */
  readonly summary: string;
  /** Per bot, "all bots" first: asked, answered, share and its 95% interval. */
  readonly table: ReportTable;
  /** The most confident answers, when there were any. */
  readonly answers?: { readonly title: string; readonly table: ReportTable };
}

/**
 * Other departments' questions the bots answered (each should have been declined): the summary,
 * the table per bot, and the most confident answers.
 *
 * @example crossDepartmentSection(report.crossDepartment!).table.rows[0] // ['all bots', '2508', '1146', '45.7', '43.8–47.6']
 */
export function crossDepartmentSection(result: CrossDepartmentResult): CrossDepartmentSection {
  const row = (name: string, g: { readonly n: number; readonly answered: number; readonly share: number }): string[] => [
    name,
    String(g.n),
    String(g.answered),
    formatPercent(g.share),
    formatInterval(g.share, g.n),
  ];
  return {
    summary: `Asked ${result.n} questions from other departments' FAQs: answered ${result.answered} (${formatPercent(result.share)}%, 95% CI ${formatInterval(result.share, result.n)}); each should have been declined, unless two departments answer the same question.`,
    table: {
      header: ['bot', 'asked', 'answered', 'answered %', '95% CI'],
      numeric: [false, true, true, true, true],
      rows: [row('all bots', result), ...Object.entries(result.byBot).map(([bot, g]) => row(bot, g))],
    },
    ...(result.worst.length === 0
      ? {}
      : { answers: { title: `Most confident answers to them (${result.worst.length} of ${result.answered})`, table: crossDepartmentAnswersTable(result.worst) } }),
  };
}

/** Column of the question in the cross-department answers table, for formats that shorten it. */
export const CROSS_QUERY_COLUMN = 2;

/** The answers bots gave to other departments' questions, most confident first. */
function crossDepartmentAnswersTable(answers: readonly CrossDepartmentAnswer[]): ReportTable {
  return {
    header: ['bot', 'asked from', 'question', 'answered with', 'conf'],
    numeric: [false, false, false, false, true],
    rows: answers.map((a) => [a.bot, `${a.from.bot}/${a.from.id}`, a.query, a.answeredWith, a.confidence.toFixed(3)]),
  };
}

/**
 * How the answered share of other departments' questions moved since the baseline: a sentence
 * with the verdict, and the share then and now per bot.
 *
 * @example crossDepartmentChangeSection(changes.crossDepartment!).line // "Other departments' questions answered: 57.6% → 59.1% (+1.5 points, worse; 1445 of 2508 → 1482 of 2508)"
 */
export function crossDepartmentChangeSection(change: CrossDepartmentChange): { readonly line: string; readonly table: ReportTable } {
  const { before, after } = change;
  const verdict = change.points > 0 ? ', worse' : change.points < 0 ? ', better' : '';
  const row = (name: string, s: CrossDepartmentShift): string[] => [name, formatPercent(s.before.share), formatPercent(s.after.share), formatPoints(s.points / 100)];
  return {
    line: `Other departments' questions answered: ${formatPercent(before.share)}% → ${formatPercent(after.share)}% (${formatPoints(change.points / 100)} points${verdict}; ${before.answered} of ${before.n} → ${after.answered} of ${after.n})`,
    table: {
      header: ['bot', 'answered % before', 'now', 'Δ points'],
      numeric: [false, true, true, true],
      rows: [row('all bots', change), ...Object.entries(change.byBot).map(([bot, s]) => row(bot, s))],
    },
  };
}

/**
 * The expected answer of a miss as reports show it.
 *
 * @example formatExpected({ expected: [] }) // '(abstain)'
 */
export function formatExpected(miss: Pick<EvalMiss, 'expected'>): string {
  return miss.expected.length === 0 ? '(abstain)' : miss.expected.join(', ');
}

/**
 * What the bot did instead: the FAQ it answered from, or that it abstained and its best candidate.
 *
 * @example formatGot({ abstained: true, got: 'fees' }) // 'abstained (best: fees)'
 */
export function formatGot(miss: Pick<EvalMiss, 'abstained' | 'got'>): string {
  if (!miss.abstained) return miss.got ?? '(nothing)';
  return miss.got === undefined ? 'abstained' : `abstained (best: ${miss.got})`;
}

/**
 * The 95% interval of an accuracy measured on n queries, in percent ("37.7–66.6").
 *
 * @example formatInterval(0.5238, 42) // '37.7–66.6'
 */
export function formatInterval(share: number, n: number): string {
  const { low, high } = accuracyInterval({ accuracy: share, n });
  return `${formatPercent(low)}–${formatPercent(high)}`;
}

/**
 * The 95% Wilson interval of an accuracy measured on n queries; the share is rounded, so the count
 * of right answers is recovered from it.
 *
 * @example accuracyInterval({ accuracy: 0.5238, n: 42 }) // { low: 0.3772, high: 0.6664 }
 */
export function accuracyInterval(group: { readonly accuracy: number; readonly n: number }): ShareInterval {
  return wilsonInterval(Math.round(group.accuracy * group.n), group.n);
}

/**
 * A p-value as reports show it: two significant digits, and "<0.001" rather than a row of zeros.
 *
 * @example formatPValue(0.125) // '0.13'
 */
export function formatPValue(p: number): string {
  return p < 0.001 ? '<0.001' : p >= 0.1 ? p.toFixed(2) : p.toPrecision(2);
}

/**
 * Whether a paired difference could be chance, for the end of a sentence.
 *
 * @example formatChance(0.125) // 'p = 0.13, could be chance'
 */
export function formatChance(p: number): string {
  return `p = ${formatPValue(p)}, ${p < 0.05 ? 'unlikely to be chance' : 'could be chance'}`;
}

/**
 * What stands behind the full pipeline's lead: the queries only it or only the baseline got right
 * and the exact McNemar p of that split; empty when the report has no query-by-query pairing.
 *
 * @example formatLeadDetail(lead) // ' (right only in the full pipeline: 25, only in bm25: 10; p = 0.017, unlikely to be chance)'
 */
export function formatLeadDetail(lead: Lead): string {
  const p = lead.paired;
  if (p === undefined) return '';
  const verdict = p.onlyFull + p.onlyOther === 0 ? '' : `; ${formatChance(p.pValue)}`;
  return ` (right only in the full pipeline: ${p.onlyFull}, only in ${lead.baseline}: ${p.onlyOther}${verdict})`;
}

/**
 * Accuracy in the baseline and now: overall, per language, per bot, with the flips behind each
 * change and how likely chance alone would flip them that unevenly (exact McNemar p).
 *
 * @example accuracyChangeTable(report.changes!).rows[0] // ['all', '210', '64.3', '65.2', '+0.9', '2 / 4', '0.69']
 */
export function accuracyChangeTable(changes: ReportChanges): ReportTable {
  const row = (scope: string, c: AccuracyChange): string[] => [
    scope,
    c.nBefore === c.nAfter ? String(c.nAfter) : `${c.nBefore} → ${c.nAfter}`,
    c.nBefore === 0 ? '–' : formatPercent(c.before),
    c.nAfter === 0 ? '–' : formatPercent(c.after),
    c.nBefore === 0 || c.nAfter === 0 ? '–' : formatPoints(c.delta),
    `${c.regressions} / ${c.fixes}`,
    c.regressions + c.fixes === 0 ? '–' : formatPValue(c.pValue),
  ];
  return {
    header: ['scope', 'n', 'was %', 'now %', 'Δ points', 'worse / better', 'p'],
    numeric: [false, true, true, true, true, true, true],
    rows: [
      row('all', changes.accuracy),
      ...Object.entries(changes.byLang).map(([lang, c]) => row(`lang ${lang}`, c)),
      ...Object.entries(changes.byBot).map(([bot, c]) => row(`bot ${bot}`, c)),
    ],
  };
}

/**
 * A difference of two shares in percentage points, signed, one decimal.
 *
 * @example formatPoints(-0.0238) // '-2.4'
 */
export function formatPoints(delta: number): string {
  const points = (delta * 100).toFixed(1);
  return delta > 0 && points !== '0.0' ? `+${points}` : points === '-0.0' ? '0.0' : points;
}

/** Column of the query in `queryChangesTable` and `datasetChangesTable`, for formats that shorten it. */
export const CHANGE_QUERY_COLUMN = 2;

/**
 * Regressions or fixes: the query, its answer key, and what the bot did before and now.
 *
 * @example queryChangesTable(report.changes!.regressions).rows[0] // ['housing', 'yue', '幾時抽居屋', 'hos-sale', 'hos-sale', 'abstained (best: hos-sale)', '0.812 → 0.301']
 */
export function queryChangesTable(changes: readonly QueryChange[]): ReportTable {
  return {
    header: ['bot', 'lang', 'query', 'expected', 'was', 'now', 'conf was → now'],
    numeric: [false, false, false, false, false, false, true],
    rows: changes.map((c) => [
      c.bot,
      c.lang,
      withHistory(c),
      c.expectedBefore === undefined ? formatExpected(c) : `${formatExpected(c)} (was ${formatExpected({ expected: c.expectedBefore })})`,
      formatDecision(c.before),
      formatDecision(c.after),
      `${c.before.confidence.toFixed(3)} → ${c.after.confidence.toFixed(3)}`,
    ]),
  };
}

/**
 * Queries only one of the two runs has (the dataset changed).
 *
 * @example datasetChangesTable(report.changes!.added)
 */
export function datasetChangesTable(queries: readonly DatasetChange[]): ReportTable {
  return {
    header: ['bot', 'lang', 'query', 'expected'],
    numeric: [false, false, false, false],
    rows: queries.map((q) => [q.bot, q.lang, withHistory(q), formatExpected(q)]),
  };
}

/**
 * One line saying how the run moved against its baseline, for the top of a changes section, and
 * whether that could be chance: a handful of flips in a few hundred queries often is.
 *
 * @example changesHeadline(report.changes!) // 'accuracy 64.3% → 65.2% (+0.9 points): 2 regressions, 4 fixes, 206 unchanged; p = 0.69, could be chance'
 */
export function changesHeadline(changes: ReportChanges): string {
  const a = changes.accuracy;
  const dataset = changes.added.length + changes.removed.length === 0 ? '' : `; dataset: ${changes.added.length} added, ${changes.removed.length} removed`;
  const verdict = a.regressions + a.fixes === 0 ? '' : `; ${formatChance(a.pValue)}`;
  return `accuracy ${formatPercent(a.before)}% → ${formatPercent(a.after)}% (${formatPoints(a.delta)} points): ${count(changes.regressions.length, 'regression')}, ${count(changes.fixes.length, 'fix', 'fixes')}, ${changes.unchanged} unchanged${verdict}${dataset}`;
}

/** One titled list of the changes section. */
export interface ChangeList {
  readonly title: string;
  readonly table: ReportTable;
  readonly count: number;
}

/**
 * The query lists of the changes section, in the order every format shows them: regressions and
 * fixes always (an empty one says "none"), then the queries added to or removed from the dataset
 * when there are any — unless the baseline shares no query with the run (see sharesNoQuery).
 *
 * @example changeLists(report.changes!).map((l) => l.title) // ['Regressions: right in the baseline, wrong now', 'Fixes: …']
 */
export function changeLists(changes: ReportChanges): ChangeList[] {
  const list = (title: string, table: ReportTable, count: number): ChangeList => ({ title, table, count });
  return [
    list('Regressions: right in the baseline, wrong now', queryChangesTable(changes.regressions), changes.regressions.length),
    list('Fixes: wrong in the baseline, right now', queryChangesTable(changes.fixes), changes.fixes.length),
    ...(sharesNoQuery(changes)
      ? []
      : [
          list('Added to the dataset', datasetChangesTable(changes.added), changes.added.length),
          list('Removed from the dataset', datasetChangesTable(changes.removed), changes.removed.length),
        ].filter((l) => l.count > 0)),
  ];
}

/** No query in common means the baseline is of another dataset; listing 400 queries would bury that. */
export function sharesNoQuery(changes: ReportChanges): boolean {
  return changes.regressions.length + changes.fixes.length + changes.unchanged === 0 && changes.added.length + changes.removed.length > 0;
}

function formatDecision(d: QueryDecision): string {
  return formatGot({ abstained: d.abstained, got: d.top });
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A follow-up is meaningless without its context: show the earlier turns before it. */
function withHistory(q: { readonly query: string; readonly history?: readonly string[] }): string {
  return q.history === undefined || q.history.length === 0 ? q.query : `${q.history.map((h) => `[${h}]`).join(' ')} ${q.query}`;
}

function formatMs(ms: number): string {
  return ms.toFixed(1);
}
