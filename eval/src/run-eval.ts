import { createBotEngine, createHybridRetriever, loadIndex, type BotEngine, type BotEngineOptions, type BotIndex } from '@govchat/core';
import type { EvalQuery } from './eval-dataset.js';
import type { EvalRecord } from './eval-metrics.js';

/** Builds the engine a configuration is evaluated with, per bot. */
export type EngineFactory = (index: BotIndex) => BotEngine;

export interface RunEvalOptions {
  readonly dataDir: string;
  /** Only this bot's queries. */
  readonly bot?: string;
  /** Default: the full pipeline, exactly as `govchat ask` runs it. */
  readonly createEngine?: EngineFactory;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs every query through a bot engine against indexes already built by `govchat ingest`.
 *
 * @example const records = await runEval(await loadDataset('eval/datasets/dev.jsonl'), { dataDir: './data' });
 */
export async function runEval(queries: readonly EvalQuery[], options: RunEvalOptions): Promise<EvalRecord[]> {
  const selected = options.bot === undefined ? queries : queries.filter((q) => q.bot === options.bot);
  const createEngine = options.createEngine ?? ((index: BotIndex) => createBotEngine(index));
  const indexes = new Map<string, BotIndex>();
  const engines = new Map<string, BotEngine>();
  const records: EvalRecord[] = [];
  for (const q of selected) {
    let engine = engines.get(q.bot);
    if (engine === undefined) {
      const index = indexes.get(q.bot) ?? (await loadIndex(options.dataDir, q.bot));
      indexes.set(q.bot, index);
      engine = createEngine(index);
      engines.set(q.bot, engine);
    }
    const started = performance.now();
    const { chunks, ...plan } = await engine.stream({ text: q.query, history: q.history ?? [] });
    for await (const _ of chunks); // the answer is part of the latency a citizen waits for
    records.push({
      bot: q.bot,
      query: q.query,
      lang: q.lang,
      expected: q.expected,
      ranked: plan.ranked,
      abstained: plan.abstained,
      confidence: plan.confidence,
      latencyMs: performance.now() - started,
      ...(q.history === undefined ? {} : { history: q.history }),
    });
    options.onProgress?.(records.length, selected.length);
  }
  return records;
}

/** Engine factories for one retrieval mode, with the same answerer and threshold as the product. */
export function engineForMode(mode: 'hybrid' | 'bm25' | 'dense', extra: BotEngineOptions = {}): EngineFactory {
  return (index) => createBotEngine(index, { ...extra, retriever: createHybridRetriever(index, { mode }) });
}
