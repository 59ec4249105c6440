import { CORPUS_LANGS, listIndexedBots, loadIndex, type BotIndex } from '@govchat/core';
import type { EvalQuery } from './eval-dataset.js';
import type { EvalRecord } from './eval-metrics.js';
import { runEval, type EngineFactory } from './run-eval.js';

/** A question one department's FAQ asks, put to another department's bot. */
export interface CrossDepartmentQuery extends EvalQuery {
  /** The department whose FAQ the question is, and that FAQ's id. */
  readonly from: { readonly bot: string; readonly id: string };
}

/** One bot's answers to the other departments' questions. */
export interface CrossDepartmentGroup {
  readonly n: number;
  /** How many it answered rather than abstained on. */
  readonly answered: number;
  readonly share: number;
}

/** A question another department answers that this bot answered anyway. */
export interface CrossDepartmentAnswer {
  readonly bot: string;
  readonly query: string;
  readonly from: { readonly bot: string; readonly id: string };
  /** The FAQ of `bot` it was answered with. */
  readonly answeredWith: string;
  readonly confidence: number;
}

/** How often bots answer questions that belong to another department. */
export type CrossDepartmentResult = CrossDepartmentGroup & {
  readonly byBot: Readonly<Record<string, CrossDepartmentGroup>>;
  /** The answered ones, most confident first (at most `worstLimit`). */
  readonly worst: readonly CrossDepartmentAnswer[];
};

/**
 * Every FAQ question (in each corpus language) of every other department, put to each target
 * bot. None of them is about the target's service, so the right decision is to abstain and point
 * the citizen to 1823. A few may be questions two departments both answer (iAM Smart asked of the
 * Immigration Department): the answered share is an upper bound on wrong answers, and the most
 * confident ones are listed so a maintainer can tell.
 *
 * @example
 * const queries = crossDepartmentQueries([housing, immigration], ['housing']);
 * queries[0] // { bot: 'housing', query: 'How do I renew my passport?', expected: [], from: { bot: 'immigration', … } }
 */
export function crossDepartmentQueries(indexes: readonly BotIndex[], targets?: readonly string[]): CrossDepartmentQuery[] {
  const out: CrossDepartmentQuery[] = [];
  for (const target of indexes) {
    if (targets !== undefined && !targets.includes(target.bot.id)) continue;
    for (const source of indexes) {
      if (source.bot.id === target.bot.id) continue;
      for (const entry of source.entries) {
        for (const lang of CORPUS_LANGS) {
          const query = entry.question[lang];
          if (query === undefined) continue;
          out.push({ bot: target.bot.id, query, lang, expected: [], line: out.length + 1, from: { bot: source.bot.id, id: entry.id } });
        }
      }
    }
  }
  return out;
}

/**
 * Summarises a run of cross-department queries: records in the same order as the queries.
 *
 * @example summariseCrossDepartment(queries, await runEval(queries, { dataDir })).share // 0.12
 */
export function summariseCrossDepartment(
  queries: readonly CrossDepartmentQuery[],
  records: readonly EvalRecord[],
  worstLimit = 10,
): CrossDepartmentResult {
  if (queries.length !== records.length) throw new RangeError(`summariseCrossDepartment: ${queries.length} queries but ${records.length} records`);
  const groups = new Map<string, { n: number; answered: number }>();
  const answers: CrossDepartmentAnswer[] = [];
  records.forEach((r, i) => {
    const q = queries[i]!;
    const group = groups.get(r.bot) ?? { n: 0, answered: 0 };
    group.n++;
    const top = r.ranked[0];
    if (!r.abstained && top !== undefined) {
      group.answered++;
      answers.push({ bot: r.bot, query: r.query, from: q.from, answeredWith: top, confidence: r.confidence });
    }
    groups.set(r.bot, group);
  });
  const byBot = Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([bot, g]) => [bot, groupOf(g)]));
  return {
    ...groupOf({ n: records.length, answered: answers.length }),
    byBot,
    worst: answers.sort((a, b) => b.confidence - a.confidence || a.bot.localeCompare(b.bot)).slice(0, worstLimit),
  };
}

function groupOf({ n, answered }: { readonly n: number; readonly answered: number }): CrossDepartmentGroup {
  return { n, answered, share: n === 0 ? 0 : answered / n };
}

export interface CrossDepartmentOptions {
  readonly dataDir: string;
  /** The bots whose answers are judged (default: every bot in the data dir). Every bot's questions are asked. */
  readonly bots?: readonly string[];
  /** Default: the full pipeline, exactly as `govchat ask` runs it. */
  readonly createEngine?: EngineFactory;
  /** Every bot's index, already loaded (default: read from `dataDir`). */
  readonly indexes?: readonly BotIndex[];
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Puts every department's FAQ questions to every other bot in the data dir and counts how many
 * are answered. A data dir with a single bot has no other department: the result is empty.
 *
 * @example const { share, byBot } = await runCrossDepartment({ dataDir: './data' });
 */
export async function runCrossDepartment(options: CrossDepartmentOptions): Promise<CrossDepartmentResult> {
  const indexes = options.indexes ?? (await loadAllIndexes(options.dataDir));
  const queries = crossDepartmentQueries(indexes, options.bots);
  const records = await runEval(queries, {
    dataDir: options.dataDir,
    // The questions were read from these very indexes: the targets need not be read twice.
    indexes: new Map(indexes.map((index) => [index.bot.id, index])),
    ...(options.createEngine === undefined ? {} : { createEngine: options.createEngine }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  return summariseCrossDepartment(queries, records);
}

/**
 * Every bot's index in the data dir: the questions cross-department runs ask come from all of them.
 *
 * @example const indexes = await loadAllIndexes('./data');
 */
export async function loadAllIndexes(dataDir: string): Promise<BotIndex[]> {
  return Promise.all((await listIndexedBots(dataDir)).map((id) => loadIndex(dataDir, id)));
}

/** What a baseline keeps of a cross-department run: the counts, not the listed answers. */
export interface CrossDepartmentCounts {
  readonly n: number;
  readonly answered: number;
  readonly byBot: Readonly<Record<string, { readonly n: number; readonly answered: number }>>;
}

/** One scope's answered share before (baseline) and now. */
export interface CrossDepartmentShift {
  readonly before: CrossDepartmentGroup;
  readonly after: CrossDepartmentGroup;
  /** after.share − before.share, in points (positive: more answered, which is worse). */
  readonly points: number;
}

/** How the share of other departments' questions answered moved since the baseline. */
export type CrossDepartmentChange = CrossDepartmentShift & {
  /** Bots both runs asked, in this run's order. */
  readonly byBot: Readonly<Record<string, CrossDepartmentShift>>;
};

/**
 * Compares a run's cross-department counts with the baseline's, over the bots both runs asked
 * (a run limited to one bot is compared with that bot's counts only). Undefined when they share
 * no bot.
 *
 * @example diffCrossDepartment(baseline.crossDepartment!, report.crossDepartment!)?.points // 1.5
 */
export function diffCrossDepartment(before: CrossDepartmentCounts, after: CrossDepartmentCounts): CrossDepartmentChange | undefined {
  const bots = Object.keys(after.byBot).filter((bot) => before.byBot[bot] !== undefined);
  if (bots.length === 0) return undefined;
  const sum = (counts: CrossDepartmentCounts): CrossDepartmentGroup =>
    groupOf(bots.reduce((t, bot) => ({ n: t.n + counts.byBot[bot]!.n, answered: t.answered + counts.byBot[bot]!.answered }), { n: 0, answered: 0 }));
  const shift = (b: CrossDepartmentGroup, a: CrossDepartmentGroup): CrossDepartmentShift => ({ before: b, after: a, points: round((a.share - b.share) * 100) });
  return {
    ...shift(sum(before), sum(after)),
    byBot: Object.fromEntries(bots.map((bot) => [bot, shift(groupOf(before.byBot[bot]!), groupOf(after.byBot[bot]!))])),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
