import { watch, type FSWatcher } from 'node:fs';
import { basename, join } from 'node:path';
import { BOT_ID_PATTERN, currentGeneration, describeCalibration, listIndexedBots, readCalibration, type BotEngine } from '@govchat/core';
import type { BotRegistry } from './bot-registry.js';
import { createKeyedMutex } from './internal/keyed-mutex.js';
import { describeError, loadBotEngine } from './load-bots.js';
import type { Logger } from './server-logger.js';
import type { ServerMetrics } from './server-metrics.js';

/**
 * Keeps the live engines in step with the indexes on disk when another process writes them:
 * `govchat ingest`, or another node's admin upload into a shared data dir. Each bot's
 * `<dataDir>/<bot>/CURRENT` names its live generation (moved into place by rename once the
 * generation is complete, see @govchat/core index-store), so "has it changed?" is one small read.
 */
export interface IndexWatcher {
  /** Checks one bot (or every bot in the data dir) now; settles once any new generation is live. */
  check(bot?: string): Promise<void>;
  /** Stops watching and waits for a load in progress. */
  close(): Promise<void>;
}

export interface IndexWatcherOptions {
  readonly dataDir: string;
  readonly bots: BotRegistry;
  readonly logger: Logger;
  readonly metrics: ServerMetrics;
  /** Re-read every CURRENT this often, whatever the file-system events say; 0 = events only. */
  readonly pollMs: number;
  readonly loadEngine?: (dataDir: string, bot: string) => Promise<BotEngine>;
}

/** File events come in bursts (tmp file, rename): one check per burst. */
const DEBOUNCE_MS = 50;
/** CURRENT may move again while a generation loads: follow it this many times per check. */
const MAX_HOPS = 3;

/**
 * Watches `dataDir` with `fs.watch` (immediate on a local disk) and re-reads every CURRENT each
 * `pollMs` (the fallback that also works on NFS, where another host's writes raise no event).
 * A changed generation is loaded beside the live engine and swapped in; asks already running
 * finish on the old one. A generation that fails to load is logged once and counted, and the
 * previous engine keeps answering. New bots appearing in the data dir are served too; a bot
 * whose folder disappears keeps its last engine until restart. A new `<dataDir>/calibration.json`
 * (`govchat calibrate`), or its removal, reloads every bot the same way: the calibration is part
 * of how an index answers.
 *
 * @example
 * const watcher = watchIndexes({ dataDir, bots, logger, metrics, pollMs: 5000 });
 * await watcher.check('housing'); // e.g. when another node says it reindexed
 */
export function watchIndexes(options: IndexWatcherOptions): IndexWatcher {
  const { dataDir, bots, logger, metrics } = options;
  const loadEngine = options.loadEngine ?? loadBotEngine;
  const mutex = createKeyedMutex();
  const watchers = new Map<string, FSWatcher>();
  const debounce = new Map<string, NodeJS.Timeout>();
  /** The generation each bot last failed to load, so one broken index is logged once, not every poll. */
  const failed = new Map<string, string>();
  let closed = false;

  const generationOf = (engine: BotEngine | undefined): string => (engine === undefined ? '' : basename(engine.index.location));
  /** Which calibration file an engine was loaded with: its fit time, '' for none. */
  const calibrationOf = (engine: BotEngine | undefined): string => engine?.index.calibration?.createdAt ?? '';
  /** The same for the file on disk now; an unreadable file differs from every loaded one, so loading it reports why. */
  const calibrationOnDisk = (): Promise<string> => readCalibration(dataDir).then((record) => record?.createdAt ?? '', () => 'unreadable');
  /** One stamp for "this generation with this calibration": what a failure is logged once per. */
  const stampOf = (generation: string, calibration: string): string => (calibration === '' ? generation : `${generation} + calibration ${calibration}`);

  function reportFailure(bot: string, generation: string, error: unknown): void {
    if (failed.get(bot) === generation) return;
    failed.set(bot, generation);
    metrics.indexReloads.inc({ bot, outcome: 'failed' });
    logger.error({ bot, generation, err: describeError(error) }, 'new index not loaded; the previous one keeps answering');
  }

  function checkBot(bot: string): Promise<void> {
    return mutex.run(bot, async () => {
      for (let hop = 0; hop < MAX_HOPS && !closed; hop++) {
        let target: string;
        try {
          target = basename(await currentGeneration(dataDir, bot));
        } catch (error) {
          // A new bot folder whose first ingest has not finished is not a failure yet.
          if (bots.get(bot) !== undefined) reportFailure(bot, 'CURRENT', error);
          return;
        }
        const live = bots.get(bot);
        const previous = generationOf(live);
        const calibration = await calibrationOnDisk();
        if (previous === target && calibrationOf(live) === calibration) {
          failed.delete(bot);
          return;
        }
        let engine: BotEngine;
        try {
          engine = await loadEngine(dataDir, bot);
        } catch (error) {
          // Also the race where a writer pruned the generation while it loaded: the next check
          // (its CURRENT has moved on) loads the newer one.
          reportFailure(bot, stampOf(target, calibration), error);
          return;
        }
        const loaded = generationOf(engine);
        const now = await currentGeneration(dataDir, bot).then(basename, () => loaded);
        // Never swap in a generation that CURRENT has already left, nor over a newer one that
        // this node's own admin upload put live meanwhile (unless only the calibration is new).
        const current = bots.get(bot);
        if (loaded !== now || (generationOf(current) === now && calibrationOf(current) === calibrationOf(engine))) continue;
        bots.set(engine);
        failed.delete(bot);
        metrics.indexReloads.inc({ bot, outcome: 'ok' });
        logger.info(
          { bot, generation: loaded, previous: previous || undefined, entries: engine.index.entries.length, calibration: describeCalibration(engine.index) },
          'index reloaded from the data dir',
        );
        return;
      }
    });
  }

  async function checkAll(): Promise<void> {
    watchRoot();
    let ids: string[];
    try {
      ids = await listIndexedBots(dataDir);
    } catch {
      return;
    }
    for (const id of ids) {
      if (closed) return;
      watchBot(id);
      await checkBot(id);
    }
  }

  function schedule(key: string): void {
    if (closed) return;
    clearTimeout(debounce.get(key));
    const timer = setTimeout(() => {
      debounce.delete(key);
      void (key === '*' ? checkAll() : checkBot(key));
    }, DEBOUNCE_MS);
    timer.unref();
    debounce.set(key, timer);
  }

  function startWatcher(key: string, dir: string, onEvent: (filename: string | null) => void): void {
    if (closed || watchers.has(key)) return;
    try {
      const watcher = watch(dir, { persistent: false }, (_event, filename) => onEvent(filename === null ? null : String(filename)));
      watcher.on('error', (error) => {
        // A removed folder, or the inotify limit: polling carries on, and re-watches later.
        watcher.close();
        watchers.delete(key);
        logger.debug({ dir, err: describeError(error) }, 'stopped watching a data folder; polling continues');
      });
      watchers.set(key, watcher);
    } catch (error) {
      logger.debug({ dir, err: describeError(error) }, 'cannot watch a data folder; polling instead');
    }
  }

  function watchRoot(): void {
    startWatcher('*', dataDir, (filename) => {
      if (filename !== null && BOT_ID_PATTERN.test(filename)) {
        // A new bot folder: its CURRENT comes later, inside it.
        watchBot(filename);
        schedule(filename);
      } else schedule('*');
    });
  }

  function watchBot(bot: string): void {
    if (watchers.has(bot)) return;
    startWatcher(bot, join(dataDir, bot), (filename) => {
      if (filename === null || filename === 'CURRENT') schedule(bot);
    });
  }

  watchRoot();
  for (const engine of bots.list()) watchBot(engine.id);
  const poll = options.pollMs > 0 ? setInterval(() => void checkAll(), options.pollMs) : undefined;
  poll?.unref();

  return {
    check: (bot) => (bot === undefined ? checkAll() : BOT_ID_PATTERN.test(bot) ? checkBot(bot) : Promise.resolve()),
    async close() {
      closed = true;
      clearInterval(poll);
      for (const timer of debounce.values()) clearTimeout(timer);
      debounce.clear();
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      await mutex.idle();
    },
  };
}
