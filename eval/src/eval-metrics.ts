import type { QueryLang } from '@govchat/core';

/** What the pipeline did with one query. */
export interface EvalRecord {
  readonly bot: string;
  readonly query: string;
  readonly lang: QueryLang;
  readonly expected: readonly string[];
  /** Retrieved FAQ ids, best first (whether or not the bot abstained). */
  readonly ranked: readonly string[];
  readonly abstained: boolean;
  readonly latencyMs: number;
  readonly confidence: number;
  readonly history?: readonly string[];
  /** The query's line in its dataset file, to find it again. */
  readonly line?: number;
}

export interface PrecisionRecall {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface EvalMetrics {
  readonly n: number;
  /** Share of queries whose final decision is right: top answer expected, or abstained when out of scope. */
  readonly accuracy: number;
  /** Over in-scope queries, on the ranked list. */
  readonly hitAt1: number;
  readonly hitAt3: number;
  readonly mrr: number;
  /**
   * The accuracy a perfect re-ranker of the top 3 with perfect abstention would reach: in-scope
   * queries with an expected FAQ in the top 3, plus every out-of-scope query, over all. Above
   * `accuracy`, the gap is ranking and abstention; below 1, it is candidates retrieval never found.
   */
  readonly ceilingAt3: number;
  /** Out-of-scope is the positive class. */
  readonly abstain: PrecisionRecall;
  readonly byLang: Record<string, LangMetrics>;
  readonly byBot: Record<string, { n: number; accuracy: number }>;
  readonly latencyMs: { p50: number; p95: number };
}

/** One language's share of the metrics; hit@k over its in-scope queries. */
export interface LangMetrics {
  readonly n: number;
  readonly accuracy: number;
  readonly hitAt1: number;
  readonly hitAt3: number;
  readonly ceilingAt3: number;
}

/** The order languages are reported in (core's QueryLang order); unknown ones follow, sorted. */
const LANG_ORDER: readonly string[] = ['en', 'zh-HK', 'yue', 'zh-CN', 'mixed'];

/**
 * Whether the bot's final decision on a query was right: its top answer is expected, or it
 * abstained on an out-of-scope query.
 *
 * @example isCorrect({ ...record, expected: [], abstained: true }) // true
 */
export function isCorrect(r: Pick<EvalRecord, 'expected' | 'abstained' | 'ranked'>): boolean {
  if (r.expected.length === 0) return r.abstained;
  return !r.abstained && r.ranked[0] !== undefined && r.expected.includes(r.ranked[0]);
}

/**
 * 1-based rank of the first expected id in the ranked list, or 0 when absent. The list is taken in
 * the order the pipeline returned it — equal scores included — because that is the order a citizen
 * sees; metrics never re-sort.
 *
 * @example firstRelevantRank({ ...record, ranked: ['a', 'b', 'c'], expected: ['c', 'b'] }) // 2
 */
export function firstRelevantRank(r: EvalRecord): number {
  const i = r.ranked.findIndex((id) => r.expected.includes(id));
  return i < 0 ? 0 : i + 1;
}

function isInTop3(r: EvalRecord): boolean {
  const k = firstRelevantRank(r);
  return k >= 1 && k <= 3;
}

/** Right under a perfect re-ranker of the top 3 with perfect abstention (see EvalMetrics.ceilingAt3). */
function isReachableAt3(r: EvalRecord): boolean {
  return r.expected.length === 0 || isInTop3(r);
}

/**
 * Every number the harness reports, rounded to 4 decimals. Ratios with nothing to count (no
 * in-scope query for hit@k, no abstention for precision) are 0, so the JSON stays all numbers.
 *
 * @example computeMetrics(records).byLang.yue?.accuracy // 0.9286
 */
export function computeMetrics(records: readonly EvalRecord[]): EvalMetrics {
  const inScope = records.filter((r) => r.expected.length > 0);
  const ranks = inScope.map(firstRelevantRank);
  const byLang: Record<string, LangMetrics> = {};
  const langGroups = [...groupBy(records, (r) => r.lang)].sort(([a], [b]) => langRank(a) - langRank(b) || a.localeCompare(b));
  for (const [lang, group] of langGroups) {
    const scoped = group.filter((r) => r.expected.length > 0);
    byLang[lang] = {
      n: group.length,
      accuracy: share(group, isCorrect),
      hitAt1: share(scoped, (r) => firstRelevantRank(r) === 1),
      hitAt3: share(scoped, isInTop3),
      ceilingAt3: share(group, isReachableAt3),
    };
  }
  const byBot: Record<string, { n: number; accuracy: number }> = {};
  for (const [bot, group] of groupBy(records, (r) => r.bot)) byBot[bot] = { n: group.length, accuracy: share(group, isCorrect) };
  const latencies = records.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    n: records.length,
    accuracy: share(records, isCorrect),
    hitAt1: share(ranks, (k) => k === 1),
    hitAt3: share(ranks, (k) => k >= 1 && k <= 3),
    mrr: ranks.length === 0 ? 0 : round(ranks.reduce((sum, k) => sum + (k === 0 ? 0 : 1 / k), 0) / ranks.length),
    ceilingAt3: share(records, isReachableAt3),
    abstain: abstention(records),
    byLang,
    byBot,
    latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
  };
}

/**
 * Precision/recall/F1 of abstaining, out-of-scope being the positive class. Undefined ratios are 0.
 *
 * @example abstention(records).f1 // 0.9231
 */
export function abstention(records: readonly EvalRecord[]): PrecisionRecall {
  const tp = records.filter((r) => r.abstained && r.expected.length === 0).length;
  const fp = records.filter((r) => r.abstained && r.expected.length > 0).length;
  const fn = records.filter((r) => !r.abstained && r.expected.length === 0).length;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

/**
 * Nearest-rank percentile of ascending values (0 for none): always a value that was measured.
 *
 * @example percentile([10, 20, 30, 40], 0.5) // 20
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return round(sorted[index]!);
}

/**
 * Where a language sorts in reports (core's QueryLang order); unknown ones sort after, among
 * themselves by name.
 *
 * @example ['mixed', 'en'].sort((a, b) => langRank(a) - langRank(b)) // ['en', 'mixed']
 */
export function langRank(lang: string): number {
  const i = LANG_ORDER.indexOf(lang);
  return i < 0 ? LANG_ORDER.length : i;
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : round(items.filter(test).length / items.length);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
