import type { QueryLang } from '@govchat/core';
import { isCorrect, langRank, type EvalRecord } from './eval-metrics.js';
import { pairedChangePValue } from './significance.js';

/**
 * What a diff needs of one query's record: no latency, and only the top of the ranked list counts.
 * Every `EvalRecord` is one, and so is every record of a baseline file.
 */
export type QueryOutcome = Pick<EvalRecord, 'bot' | 'query' | 'lang' | 'expected' | 'ranked' | 'abstained' | 'confidence' | 'history' | 'line'>;

/** Accuracy of the same scope (everything, one language, one bot) in the baseline and now. */
export interface AccuracyChange {
  /** Queries of the scope in the baseline run (0: the scope is new). */
  readonly nBefore: number;
  /** Queries of the scope in this run (0: the scope is gone). */
  readonly nAfter: number;
  readonly before: number;
  readonly after: number;
  /** `after - before`, rounded to 4 decimals. Meaningless when either side has no query. */
  readonly delta: number;
  /** Queries of the scope in both runs that were right and are now wrong. */
  readonly regressions: number;
  /** Queries of the scope in both runs that were wrong and are now right. */
  readonly fixes: number;
  /**
   * Exact McNemar p-value of those flips (see pairedChangePValue): below 0.05 the change, not
   * chance, most likely moved this scope's accuracy. 1 when nothing flipped.
   */
  readonly pValue: number;
}

/** What the bot did with a query in one of the two runs. */
export interface QueryDecision {
  /** The FAQ it answered from, or its best candidate when it abstained (undefined if none). */
  readonly top: string | undefined;
  readonly abstained: boolean;
  readonly confidence: number;
}

/** A query only one of the two runs has: the dataset changed, not the pipeline. */
export interface DatasetChange {
  readonly bot: string;
  readonly lang: QueryLang;
  readonly query: string;
  readonly history?: readonly string[];
  /** As the current dataset has it (or the baseline's, for a removed query). Empty: the bot should abstain. */
  readonly expected: readonly string[];
  /** The query's line in the dataset, when known. */
  readonly line?: number;
}

/** A query in both runs whose verdict flipped. */
export interface QueryChange extends DatasetChange {
  /** Set only when the dataset's answer key changed since the baseline. */
  readonly expectedBefore?: readonly string[];
  readonly before: QueryDecision;
  readonly after: QueryDecision;
}

/** Everything that changed between a baseline run and this one. */
export interface RunDiff {
  readonly accuracy: AccuracyChange;
  /** Languages in report order (en, zh-HK, yue, zh-CN, mixed, then any other), from either run. */
  readonly byLang: Readonly<Record<string, AccuracyChange>>;
  /** Bots in the order they first appear (this run first, then ones only the baseline has). */
  readonly byBot: Readonly<Record<string, AccuracyChange>>;
  /** Right in the baseline, wrong now: confident wrong answers first, then by confidence. */
  readonly regressions: readonly QueryChange[];
  /** Wrong in the baseline, right now, in dataset order. */
  readonly fixes: readonly QueryChange[];
  /** Queries in both runs with the same verdict. */
  readonly unchanged: number;
  /** In this run's dataset only. */
  readonly added: readonly DatasetChange[];
  /** In the baseline's dataset only. */
  readonly removed: readonly DatasetChange[];
}

/**
 * Compares two runs query by query. Queries are matched by (bot, query, history) — never by
 * position, so reordering or inserting lines in the dataset changes nothing. A query written twice
 * (e.g. once per language tag, with different answer keys) is matched to the copy with the same
 * language and answer key, else the same language, else the first left. Each side is
 * judged against its own answer key, so a corrected `expected` shows up as a fix or regression
 * with `expectedBefore` set.
 *
 * @example
 * const diff = diffRuns(baseline.records, report.records);
 * for (const r of diff.regressions) console.log(`${r.bot} ${r.query}: ${r.before.top} → ${r.after.top}`);
 */
export function diffRuns(baseline: readonly QueryOutcome[], current: readonly QueryOutcome[]): RunDiff {
  const waiting = new Map<string, QueryOutcome[]>();
  for (const r of baseline) {
    const list = waiting.get(queryKey(r));
    if (list === undefined) waiting.set(queryKey(r), [r]);
    else list.push(r);
  }
  const regressions: QueryChange[] = [];
  const fixes: QueryChange[] = [];
  const added: DatasetChange[] = [];
  let unchanged = 0;
  for (const now of current) {
    const was = claim(waiting.get(queryKey(now)), now);
    if (was === undefined) {
      added.push(toDatasetChange(now));
      continue;
    }
    const wasRight = isCorrect(was);
    const isRight = isCorrect(now);
    if (wasRight === isRight) unchanged++;
    else (wasRight ? regressions : fixes).push(toQueryChange(was, now));
  }
  // What no current query claimed is gone from the dataset; report it in the baseline's order.
  const left = new Set([...waiting.values()].flat());
  const removed = baseline.filter((r) => left.has(r)).map(toDatasetChange);
  // Worst first, as with misses: a confident wrong answer misleads a citizen, an abstention only
  // sends them to the hotline. Sort is stable, so dataset order breaks ties.
  regressions.sort((a, b) => Number(a.after.abstained) - Number(b.after.abstained) || b.after.confidence - a.after.confidence);

  const langs = [...new Set([...current, ...baseline].map((r) => r.lang as string))].sort((a, b) => langRank(a) - langRank(b) || a.localeCompare(b));
  const bots = [...new Set([...current, ...baseline].map((r) => r.bot))];
  const scoped = (keep: (r: Pick<QueryOutcome, 'lang' | 'bot'>) => boolean): AccuracyChange =>
    accuracyChange(baseline.filter(keep), current.filter(keep), regressions.filter(keep).length, fixes.filter(keep).length);
  return {
    accuracy: scoped(() => true),
    byLang: Object.fromEntries(langs.map((lang) => [lang, scoped((r) => r.lang === lang)])),
    byBot: Object.fromEntries(bots.map((bot) => [bot, scoped((r) => r.bot === bot)])),
    regressions,
    fixes,
    unchanged,
    added,
    removed,
  };
}

/**
 * A query's identity across runs: a follow-up means something else after other turns, so history
 * is part of it. JSON of the tuple cannot collide the way a joined string could.
 *
 * @example queryKey({ bot: 'housing', query: 'how much?', history: ['passport'] }) // '["housing","how much?",["passport"]]'
 */
export function queryKey(r: Pick<QueryOutcome, 'bot' | 'query' | 'history'>): string {
  return JSON.stringify([r.bot, r.query, r.history ?? []]);
}

/** Takes the best baseline copy of a query out of `copies`: see `diffRuns` for the order of preference. */
function claim(copies: QueryOutcome[] | undefined, now: QueryOutcome): QueryOutcome | undefined {
  if (copies === undefined || copies.length === 0) return undefined;
  let i = copies.findIndex((r) => r.lang === now.lang && sameIds(r.expected, now.expected));
  if (i < 0) i = copies.findIndex((r) => r.lang === now.lang);
  return copies.splice(Math.max(i, 0), 1)[0];
}

function accuracyChange(before: readonly QueryOutcome[], after: readonly QueryOutcome[], regressions: number, fixes: number): AccuracyChange {
  const b = share(before);
  const a = share(after);
  // From the unrounded shares: 2/3 → 1/3 is -0.3333, not 0.3333 - 0.6667.
  return {
    nBefore: before.length,
    nAfter: after.length,
    before: round(b),
    after: round(a),
    delta: round(a - b),
    regressions,
    fixes,
    pValue: pairedChangePValue(regressions, fixes),
  };
}

function share(records: readonly QueryOutcome[]): number {
  return records.length === 0 ? 0 : records.filter(isCorrect).length / records.length;
}

function toQueryChange(was: QueryOutcome, now: QueryOutcome): QueryChange {
  return {
    ...toDatasetChange(now),
    ...(sameIds(was.expected, now.expected) ? {} : { expectedBefore: was.expected }),
    before: decisionOf(was),
    after: decisionOf(now),
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function decisionOf(r: QueryOutcome): QueryDecision {
  return { top: r.ranked[0], abstained: r.abstained, confidence: r.confidence };
}

function toDatasetChange(r: QueryOutcome): DatasetChange {
  return {
    bot: r.bot,
    lang: r.lang,
    query: r.query,
    ...(r.history === undefined ? {} : { history: r.history }),
    expected: r.expected,
    ...(r.line === undefined ? {} : { line: r.line }),
  };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
