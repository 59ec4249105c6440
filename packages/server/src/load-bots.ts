import { relative } from 'node:path';
import {
  describeCalibration,
  findBotDirs,
  ingestCorpus,
  isGovchatError,
  listIndexedBots,
  loadCorpus,
  loadIndex,
  type BotEngine,
} from '@govchat/core';
import { createDefaultEngine, type EngineFactory } from './engine-factory.js';
import type { Logger } from './server-logger.js';

export interface LoadBotsOptions {
  readonly dataDir: string;
  readonly corporaDir: string;
  /** Ingest every corpus whose index is missing or stale before loading. */
  readonly ingestOnStart: boolean;
}

/**
 * Start-up: brings each bot's index up to date with its corpus (a no-op when unchanged), then
 * loads an engine for every indexed bot. A bot whose corpus is invalid keeps serving its previous
 * index; a bot that cannot be loaded at all is logged and skipped, so one broken department never
 * keeps the others offline.
 *
 * @example const engines = await loadBots({ dataDir: './data', corporaDir: './corpora', ingestOnStart: true }, logger);
 */
export async function loadBots(options: LoadBotsOptions, logger: Logger, makeEngine: EngineFactory = createDefaultEngine): Promise<BotEngine[]> {
  const engines = new Map<string, BotEngine>();
  if (options.ingestOnStart) {
    let dirs: string[] = [];
    try {
      dirs = await findBotDirs(options.corporaDir);
    } catch (error) {
      logger.warn({ corporaDir: options.corporaDir, err: describeError(error) }, 'no corpora to ingest');
    }
    for (const dir of dirs) {
      try {
        const corpus = await loadCorpus(dir, { relativeTo: options.corporaDir });
        const report = await ingestCorpus(corpus, { dataDir: options.dataDir });
        engines.set(report.botId, makeEngine(report.index));
        logger.info(
          {
            bot: report.botId,
            entries: report.entries,
            unchanged: report.unchanged,
            added: report.added,
            changed: report.changed,
            removed: report.removed,
            seconds: report.seconds,
            calibration: describeCalibration(report.index),
          },
          report.unchanged ? 'index up to date' : 'corpus ingested',
        );
      } catch (error) {
        logger.error({ corpus: relative(process.cwd(), dir) || dir, err: describeError(error) }, 'corpus not ingested; its previous index (if any) stays live');
      }
    }
  }
  for (const id of await listIndexedBots(options.dataDir)) {
    if (engines.has(id)) continue;
    try {
      const engine = await loadBotEngine(options.dataDir, id, makeEngine);
      engines.set(id, engine);
      logger.info({ bot: id, calibration: describeCalibration(engine.index) }, 'index loaded');
    } catch (error) {
      logger.error({ bot: id, err: describeError(error) }, 'index not loaded; bot unavailable');
    }
  }
  // The language tools (OpenCC converters, the segmenter) build on first use, which takes
  // hundreds of milliseconds: pay that now rather than on the first citizen's question.
  await [...engines.values()][0]?.ask({ text: '點樣申請 how to apply' }).catch(() => {});
  return [...engines.values()];
}

/**
 * An engine for a bot's live index in `dataDir`: at start, and whenever another process moves
 * its CURRENT (see index-watcher.ts).
 *
 * @throws GovchatError INDEX_NOT_FOUND, or INDEX_CORRUPT naming the bad file.
 * @example const engine = await loadBotEngine('./data', 'housing');
 */
export async function loadBotEngine(dataDir: string, id: string, makeEngine: EngineFactory = createDefaultEngine): Promise<BotEngine> {
  return makeEngine(await loadIndex(dataDir, id));
}

export function describeError(error: unknown): { code: string; message: string } {
  return isGovchatError(error) ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: String((error as Error)?.message ?? error) };
}
