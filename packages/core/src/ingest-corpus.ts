import { buildIndex, hashCorpus, loadIndex, type BotIndex, type BuildStats } from './bot-index.js';
import type { Corpus } from './corpus-schema.js';
import type { EmbedderInfo } from './embedder.js';
import { hashEntry } from './faq-document.js';
import { isGovchatError } from './govchat-error.js';
import { writeGeneration } from './index-store.js';

export interface IngestOptions {
  readonly dataDir: string;
  /** Rebuild even when the corpus is unchanged (e.g. after a corrupted index). */
  readonly force?: boolean;
  /** Runs after the new index is on disk, before it goes live: fault-injection point for tests. */
  readonly beforeCommit?: () => void | Promise<void>;
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
  let previous: BotIndex | undefined;
  let recovered: string | undefined;
  try {
    previous = await loadIndex(options.dataDir, botId);
  } catch (error) {
    if (!isGovchatError(error) || (error.code !== 'INDEX_NOT_FOUND' && error.code !== 'INDEX_CORRUPT')) throw error;
    // A corrupted index is rebuilt from the corpus rather than reused.
    if (error.code === 'INDEX_CORRUPT') recovered = error.message;
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
        index: previous,
      };
    }
  }
  const built = await buildIndex(corpus, options.force || previous === undefined ? {} : { previous });
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
    index: { ...built.index, location },
  };
}
