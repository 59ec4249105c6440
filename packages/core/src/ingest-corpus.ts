import { buildIndex, hashCorpus, loadIndex, type BotIndex, type BuildStats } from './bot-index.js';
import { calibrationOfIndex, readCalibration } from './calibration-file.js';
import type { Corpus } from './corpus-schema.js';
import type { EmbedderInfo } from './embedder.js';
import { loadConfiguredEmbedder, resolveEmbedderConfig } from './embedder-config.js';
import { hashEntry } from './faq-document.js';
import { isGovchatError } from './govchat-error.js';
import { writeGeneration } from './index-store.js';

export interface IngestOptions {
  readonly dataDir: string;
  /** Rebuild even when the corpus is unchanged (e.g. after a corrupted index). */
  readonly force?: boolean;
  /** Runs after the new index is on disk, before it goes live: fault-injection point for tests. */
  readonly beforeCommit?: () => void | Promise<void>;
  /** Where the embedder choice (GOVCHAT_EMBEDDER, MODELS_DIR…) comes from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface IngestReport {
  readonly botId: string;
  readonly entries: number;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  /** True when the corpus matched the live index and nothing was done. */
  readonly unchanged: boolean;
  readonly embeddedEntries: number;
  readonly refitted: boolean;
  readonly embedder: EmbedderInfo;
  readonly seconds: number;
  /** Why the previous index could not be reused, when it was unreadable. */
  readonly recovered?: string;
  readonly index: BotIndex;
}

/**
 * Validated corpus → live index, atomically. Unchanged corpus: no work. Small edits: only the
 * edited entries are embedded. Any failure leaves the previous index live and untouched.
 *
 * @example
 * const report = await ingestCorpus(await loadCorpus('corpora/labour'), { dataDir: './data' });
 * console.log(report.added, report.changed, report.removed, report.seconds);
 */
export async function ingestCorpus(corpus: Corpus, options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const botId = corpus.bot.id;
  const env = options.env ?? process.env;
  // The bot's embedder (bot.json over the environment); a transformer model loads from MODELS_DIR.
  const embedderConfig = resolveEmbedderConfig(corpus.bot, env);
  const transformer = await loadConfiguredEmbedder(embedderConfig);
  const chosen =
    transformer === undefined || embedderConfig.kind !== 'transformer'
      ? undefined
      : {
          embedder: transformer,
          config: {
            model: embedderConfig.options.model,
            dtype: embedderConfig.options.dtype,
            ...(embedderConfig.options.queryPrefix === undefined ? {} : { queryPrefix: embedderConfig.options.queryPrefix }),
            ...(embedderConfig.options.passagePrefix === undefined ? {} : { passagePrefix: embedderConfig.options.passagePrefix }),
          },
        };
  // Read first, once, for whichever index this returns: a malformed calibration stops the ingest
  // before anything is written.
  const calibration = await readCalibration(options.dataDir);
  const judged = (index: BotIndex): BotIndex => ({ ...index, ...calibrationOf(calibrationOfIndex(options.dataDir, calibration, index.manifest)) });
  let previous: BotIndex | undefined;
  let recovered: string | undefined;
  try {
    previous = await loadIndex(options.dataDir, botId, { env, calibration: false });
  } catch (error) {
    if (!isGovchatError(error)) throw error;
    // A corrupted index (or one whose embedder cannot be loaded any more) is rebuilt from the
    // corpus rather than reused.
    if (error.code !== 'INDEX_NOT_FOUND') recovered = error.message;
  }
  // Switching embedder (e.g. to a transformer) rebuilds the bot's index even if its corpus is unchanged.
  if (previous !== undefined && !isSameChoice(previous, chosen?.embedder.info)) {
    previous = undefined;
  }
  const seconds = (): number => Math.round((performance.now() - started) / 10) / 100;

  if (previous !== undefined && !options.force) {
    const hashes = corpus.entries.map(hashEntry);
    if (hashCorpus(corpus, hashes) === previous.manifest.corpusHash) {
      return {
        botId,
        entries: corpus.entries.length,
        added: 0,
        changed: 0,
        removed: 0,
        unchanged: true,
        embeddedEntries: 0,
        refitted: false,
        embedder: previous.embedder.info,
        seconds: seconds(),
        index: judged(previous),
      };
    }
  }
  const built = await buildIndex(corpus, {
    ...(options.force || previous === undefined ? {} : { previous }),
    ...(chosen === undefined ? {} : { embedder: chosen }),
  });
  const location = await writeGeneration(options.dataDir, botId, { ...built.manifest }, built.files, {
    ...(options.beforeCommit === undefined ? {} : { beforeCommit: options.beforeCommit }),
  });
  const stats: BuildStats = built.stats;
  return {
    botId,
    entries: corpus.entries.length,
    added: stats.added,
    changed: stats.changed,
    removed: stats.removed,
    unchanged: false,
    embeddedEntries: stats.embeddedEntries,
    refitted: stats.refitted,
    embedder: built.manifest.embedder,
    seconds: seconds(),
    ...(recovered === undefined ? {} : { recovered }),
    // Built in memory, but served from this data dir: judged by its calibration like a loaded index.
    index: judged({ ...built.index, location }),
  };
}

/** Whether the live index was built by the embedder chosen now (undefined: the built-in one). */
function isSameChoice(previous: BotIndex, chosen: EmbedderInfo | undefined): boolean {
  const built = previous.manifest.embedder;
  if (chosen === undefined) return previous.manifest.embedderConfig === undefined;
  return built.name === chosen.name && built.version === chosen.version && built.fingerprint === chosen.fingerprint && built.dimension === chosen.dimension;
}

function calibrationOf(calibration: BotIndex['calibration']): Pick<BotIndex, 'calibration'> {
  return calibration === undefined ? {} : { calibration };
}
