import { createBotEngine, type Answerer, type BotIndex } from '@govchat/core';
import { queryKey } from './compare-runs.js';
import { loadAllIndexes, runCrossDepartment, type CrossDepartmentResult } from './cross-department.js';
import type { EvalQuery } from './eval-dataset.js';
import { computeMetrics, isCorrect, type EvalMetrics, type EvalRecord } from './eval-metrics.js';
import { createMiniSearchRetriever } from './minisearch-retriever.js';
import { engineForMode, runEval, type EngineFactory } from './run-eval.js';
import { pairedChangePValue } from './significance.js';

/** One way of answering that the harness can measure. */
export interface EvalConfig {
  /** Key in `--json` output (`compare.<name>`) and table rows. */
  readonly name: string;
  readonly description: string;
  readonly createEngine: EngineFactory;
}

/** One configuration's run over the dataset. */
export interface ConfigResult {
  readonly name: string;
  readonly description: string;
  readonly records: readonly EvalRecord[];
  readonly metrics: EvalMetrics;
  /** With `crossDepartments`: how often this configuration answered other departments' questions. */
  readonly crossDepartment?: CrossDepartmentResult;
}

export interface CompareOptions {
  readonly dataDir: string;
  readonly bot?: string;
  /** Default: `evalConfigs()`. */
  readonly configs?: readonly EvalConfig[];
  /**
   * Also put every other department's FAQ questions to these bots, through each configuration
   * (see cross-department.ts).
   */
  readonly crossDepartments?: { readonly bots: readonly string[] };
  /** Indexes already loaded, by bot id: every configuration runs on these instead of reading its own. */
  readonly indexes?: ReadonlyMap<string, BotIndex>;
  readonly onProgress?: (done: number, total: number, config: string) => void;
}

/**
 * The name of the product's own configuration among the compared ones.
 *
 * @example summary.compare?.[FULL_PIPELINE]?.accuracy
 */
export const FULL_PIPELINE = 'full';

/**
 * The configurations `--compare` runs: the product, its two retrieval signals alone, and
 * MiniSearch as a developer would set it up. All share the answerer and the abstention threshold,
 * so only retrieval differs.
 *
 * @example evalConfigs().map((c) => c.name) // ['full', 'bm25', 'dense', 'minisearch']
 */
export function evalConfigs(options: { readonly answerer?: Answerer } = {}): EvalConfig[] {
  const extra = options.answerer === undefined ? {} : { answerer: options.answerer };
  return [
    { name: FULL_PIPELINE, description: 'the full pipeline, exactly as govchat ask runs it', createEngine: (index) => createBotEngine(index, extra) },
    { name: 'bm25', description: 'BM25F only (same normalisation and threshold)', createEngine: engineForMode('bm25', extra) },
    { name: 'dense', description: 'dense vectors only (same normalisation and threshold)', createEngine: engineForMode('dense', extra) },
    {
      name: 'minisearch',
      description: 'MiniSearch 7, fuzzy + prefix, question boost, default tokenizer',
      createEngine: (index) => createBotEngine(index, { ...extra, retriever: createMiniSearchRetriever(index) }),
    },
  ];
}

/**
 * Runs the same queries through each configuration in turn (one after the other, so latencies
 * are not skewed by each other).
 *
 * @example
 * const results = await runComparison(queries, { dataDir: './data' });
 * results.map((r) => [r.name, r.metrics.accuracy])
 */
export async function runComparison(queries: readonly EvalQuery[], options: CompareOptions): Promise<ConfigResult[]> {
  const configs = options.configs ?? evalConfigs();
  const perConfig = options.bot === undefined ? queries.length : queries.filter((q) => q.bot === options.bot).length;
  const total = perConfig * configs.length;
  const results: ConfigResult[] = [];
  // Every configuration asks the same other departments' questions: read every bot's index once.
  const everyIndex = options.crossDepartments === undefined ? undefined : await loadAllIndexes(options.dataDir);
  for (const [i, config] of configs.entries()) {
    const records = await runEval(queries, {
      dataDir: options.dataDir,
      ...(options.bot === undefined ? {} : { bot: options.bot }),
      createEngine: config.createEngine,
      ...(options.indexes === undefined ? {} : { indexes: options.indexes }),
      onProgress: (done) => options.onProgress?.(i * perConfig + done, total, config.name),
    });
    const crossDepartment =
      options.crossDepartments === undefined
        ? undefined
        : await runCrossDepartment({
            dataDir: options.dataDir,
            bots: options.crossDepartments.bots,
            createEngine: config.createEngine,
            ...(everyIndex === undefined ? {} : { indexes: everyIndex }),
            onProgress: (done, all) => options.onProgress?.(done, all, `${config.name} · other departments`),
          });
    results.push({ name: config.name, description: config.description, records, metrics: computeMetrics(records), ...(crossDepartment === undefined ? {} : { crossDepartment }) });
  }
  return results;
}

/**
 * The full pipeline against another configuration on the same queries: how many only the full
 * pipeline got right, how many only the other, and the exact McNemar p of that split (see
 * pairedChangePValue) — whether the lead is more than the luck of a few hundred queries.
 */
export interface PairedComparison {
  readonly onlyFull: number;
  readonly onlyOther: number;
  readonly pValue: number;
}

/**
 * Pairs two runs of the same dataset query by query (runComparison keeps dataset order in each).
 *
 * @example compareWithFull(full.records, bm25.records) // { onlyFull: 25, onlyOther: 10, pValue: 0.0167 }
 */
export function compareWithFull(full: readonly EvalRecord[], other: readonly EvalRecord[]): PairedComparison {
  if (!isSameQueries(full, other)) throw new RangeError(`compareWithFull: the two runs are not of the same queries in the same order (${full.length} and ${other.length} records)`);
  let onlyFull = 0;
  let onlyOther = 0;
  full.forEach((f, i) => {
    const fullRight = isCorrect(f);
    if (fullRight !== isCorrect(other[i]!)) (fullRight ? onlyFull++ : onlyOther++);
  });
  return { onlyFull, onlyOther, pValue: pairedChangePValue(onlyFull, onlyOther) };
}

/**
 * Whether two runs are of the same queries in the same order, as runComparison makes them.
 *
 * @example isSameQueries(full.records, full.records.slice(1)) // false
 */
export function isSameQueries(a: readonly EvalRecord[], b: readonly EvalRecord[]): boolean {
  return a.length === b.length && a.every((r, i) => queryKey(r) === queryKey(b[i]!));
}

/** How far the full pipeline is ahead of the best other configuration. */
export interface Lead {
  readonly baseline: string;
  /** Accuracy points, one decimal. */
  readonly points: number;
  /** Query by query against that baseline, when the configurations carry it. */
  readonly paired?: PairedComparison;
}

/**
 * How far the product is ahead of the best of the other configurations, in accuracy points
 * (the target is ≥ 10). Undefined when there is nothing to compare with.
 *
 * @example leadOverBaselines(results) // { baseline: 'dense', points: 12.4 }
 */
export function leadOverBaselines(results: readonly (Pick<ConfigResult, 'name' | 'metrics'> & { readonly versusFull?: PairedComparison })[]): Lead | undefined {
  const full = results.find((r) => r.name === FULL_PIPELINE);
  const best = results.filter((r) => r.name !== FULL_PIPELINE).sort((a, b) => b.metrics.accuracy - a.metrics.accuracy)[0];
  if (full === undefined || best === undefined) return undefined;
  const points = Math.round((full.metrics.accuracy - best.metrics.accuracy) * 1000) / 10;
  return { baseline: best.name, points, ...(best.versusFull === undefined ? {} : { paired: best.versusFull }) };
}
