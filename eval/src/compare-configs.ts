import { createBotEngine, type Answerer } from '@govchat/core';
import type { EvalQuery } from './eval-dataset.js';
import { computeMetrics, type EvalMetrics, type EvalRecord } from './eval-metrics.js';
import { createMiniSearchRetriever } from './minisearch-retriever.js';
import { engineForMode, runEval, type EngineFactory } from './run-eval.js';

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
}

export interface CompareOptions {
  readonly dataDir: string;
  readonly bot?: string;
  /** Default: `evalConfigs()`. */
  readonly configs?: readonly EvalConfig[];
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
  for (const [i, config] of configs.entries()) {
    const records = await runEval(queries, {
      dataDir: options.dataDir,
      ...(options.bot === undefined ? {} : { bot: options.bot }),
      createEngine: config.createEngine,
      onProgress: (done) => options.onProgress?.(i * perConfig + done, total, config.name),
    });
    results.push({ name: config.name, description: config.description, records, metrics: computeMetrics(records) });
  }
  return results;
}

/**
 * How far the product is ahead of the best of the other configurations, in accuracy points
 * (the target is ≥ 10). Undefined when there is nothing to compare with.
 *
 * @example leadOverBaselines(results) // { baseline: 'dense', points: 12.4 }
 */
export function leadOverBaselines(results: readonly Pick<ConfigResult, 'name' | 'metrics'>[]): { baseline: string; points: number } | undefined {
  const full = results.find((r) => r.name === FULL_PIPELINE);
  const best = results.filter((r) => r.name !== FULL_PIPELINE).sort((a, b) => b.metrics.accuracy - a.metrics.accuracy)[0];
  if (full === undefined || best === undefined) return undefined;
  return { baseline: best.name, points: Math.round((full.metrics.accuracy - best.metrics.accuracy) * 1000) / 10 };
}
