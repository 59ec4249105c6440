import { createBotEngine, createHybridRetriever, GovchatError, loadIndex, type BotEngine, type BotEngineOptions, type BotIndex } from '@govchat/core';
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
  /** Indexes the caller has already loaded, by bot id: used instead of reading them again from `dataDir`. */
  readonly indexes?: ReadonlyMap<string, BotIndex>;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs every query through a bot engine against indexes already built by `govchat ingest`, one
 * at a time (so latencies are not inflated by each other). Throws before running anything of a bot
 * whose queries expect an FAQ id its index does not have.
 *
 * @example const records = await runEval(await loadDataset('eval/datasets/dev.jsonl'), { dataDir: './data' });
 */
export async function runEval(queries: readonly EvalQuery[], options: RunEvalOptions): Promise<EvalRecord[]> {
  const selected = options.bot === undefined ? queries : queries.filter((q) => q.bot === options.bot);
  const createEngine = options.createEngine ?? ((index: BotIndex) => createBotEngine(index));
  const engines = new Map<string, BotEngine>();
  const records: EvalRecord[] = [];
  for (const q of selected) {
    let engine = engines.get(q.bot);
    if (engine === undefined) {
      const index = options.indexes?.get(q.bot) ?? (await loadIndex(options.dataDir, q.bot));
      assertExpectedExist(selected, index);
      engine = createEngine(index);
      engines.set(q.bot, engine);
    }
    const started = performance.now();
    const { chunks: _chunks, events, ...plan } = await engine.stream({ text: q.query, history: q.history ?? [] });
    // The whole answer is part of the latency a citizen waits for. An LLM answer is scored by the
    // FAQs it cites (the extractive answer cites the one it quotes), ahead of the retrieval ranking.
    let citations: readonly string[] = [];
    for await (const event of events) if (event.type === 'final') citations = event.citations;
    const ranked = plan.abstained ? plan.ranked : [...new Set([...citations, ...plan.ranked])];
    records.push({
      bot: q.bot,
      query: q.query,
      lang: q.lang,
      expected: q.expected,
      ranked,
      abstained: plan.abstained,
      confidence: plan.confidence,
      latencyMs: performance.now() - started,
      ...(q.history === undefined ? {} : { history: q.history }),
      line: q.line,
    });
    options.onProgress?.(records.length, selected.length);
  }
  return records;
}

/**
 * A mistyped FAQ id in a dataset would count as a miss forever and no tuning could fix it; the
 * dataset is checked against the index before any query runs, naming the line.
 */
function assertExpectedExist(queries: readonly EvalQuery[], index: BotIndex): void {
  for (const q of queries) {
    if (q.bot !== index.bot.id) continue;
    const i = q.expected.findIndex((id) => index.entryById(id) === undefined);
    if (i < 0) continue;
    throw new GovchatError('INVALID_INPUT', `"${q.expected[i]}" is not an FAQ id of bot "${q.bot}"`, {
      ...(q.file === undefined ? {} : { file: q.file }),
      line: q.line,
      field: `expected.${i}`,
    });
  }
}

/**
 * Engine factories for one retrieval mode, with the same answerer and threshold as the product.
 *
 * @example const records = await runEval(queries, { dataDir: './data', createEngine: engineForMode('bm25') });
 */
export function engineForMode(mode: 'hybrid' | 'bm25' | 'dense', extra: BotEngineOptions = {}): EngineFactory {
  return (index) => createBotEngine(index, { ...extra, retriever: createHybridRetriever(index, { mode }) });
}
