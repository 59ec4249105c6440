import type { EvalMetrics } from './eval-metrics.js';
import type { ConfigSummary } from './eval-report.js';
import type { EvalMiss } from './select-misses.js';

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
    header: ['n', 'acc %', 'hit@1 %', 'hit@3 %', 'MRR', 'abst P', 'abst R', 'abst F1', 'p50 ms', 'p95 ms'],
    numeric: Array(10).fill(true),
    rows: [
      [
        String(m.n),
        formatPercent(m.accuracy),
        formatPercent(m.hitAt1),
        formatPercent(m.hitAt3),
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
 * Accuracy and hit@1 per query language.
 *
 * @example langTable(report.metrics).rows.map((r) => r[0]) // ['en', 'zh-HK', 'yue', 'zh-CN', 'mixed']
 */
export function langTable(m: EvalMetrics): ReportTable {
  return {
    header: ['lang', 'n', 'acc %', 'hit@1 %'],
    numeric: [false, true, true, true],
    rows: Object.entries(m.byLang).map(([lang, g]) => [lang, String(g.n), formatPercent(g.accuracy), formatPercent(g.hitAt1)]),
  };
}

/**
 * Accuracy per bot.
 *
 * @example botTable(report.metrics).rows[0] // ['housing', '35', '91.4']
 */
export function botTable(m: EvalMetrics): ReportTable {
  return {
    header: ['bot', 'n', 'acc %'],
    numeric: [false, true, true],
    rows: Object.entries(m.byBot).map(([bot, g]) => [bot, String(g.n), formatPercent(g.accuracy)]),
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
  const header = ['config', 'acc %', 'hit@1 %', 'hit@3 %', 'MRR', 'abst F1', ...langs.map((l) => `${l} %`), 'p50 ms', 'p95 ms'];
  return {
    header,
    numeric: header.map((_, i) => i > 0),
    rows: configs.map(({ name, metrics: m }) => [
      name,
      formatPercent(m.accuracy),
      formatPercent(m.hitAt1),
      formatPercent(m.hitAt3),
      formatScore(m.mrr),
      formatScore(m.abstain.f1),
      ...langs.map((lang) => (m.byLang[lang] === undefined ? '–' : formatPercent(m.byLang[lang].accuracy))),
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

/** A follow-up is meaningless without its context: show the earlier turns before it. */
function withHistory(miss: EvalMiss): string {
  return miss.history === undefined || miss.history.length === 0 ? miss.query : `${miss.history.map((h) => `[${h}]`).join(' ')} ${miss.query}`;
}

function formatMs(ms: number): string {
  return ms.toFixed(1);
}
