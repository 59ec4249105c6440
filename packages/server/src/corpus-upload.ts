import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BOT_ID_PATTERN,
  GovchatError,
  ingestCorpus,
  parseBotConfig,
  parseFaqCsv,
  parseFaqJsonl,
  type Corpus,
  type FaqEntry,
  writeFileAtomically,
} from '@govchat/core';
import type { BotRegistry } from './bot-registry.js';
import { createKeyedMutex } from './internal/keyed-mutex.js';
import { createDefaultEngine, type EngineFactory } from './engine-factory.js';
import type { Logger } from './server-logger.js';
import type { ServerMetrics } from './server-metrics.js';

export type CorpusFormat = 'jsonl' | 'csv';

/** Media types accepted for an upload, and the format each means. */
export const CORPUS_MEDIA_TYPES: Readonly<Record<string, CorpusFormat>> = {
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/json-lines': 'jsonl',
  'text/csv': 'csv',
};

/** What to tell a client that uploaded something else. */
export const UPLOAD_TYPES_MESSAGE =
  'send the FAQ file as JSONL (Content-Type: application/x-ndjson or application/jsonl) or CSV (Content-Type: text/csv)';

export interface CorpusUploadReport {
  readonly bot: string;
  readonly entries: number;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly unchanged: boolean;
  readonly seconds: number;
}

export interface CorpusUploader {
  /** Validates, stores and indexes a bot's new FAQ file, then makes it live. */
  upload(bot: string, format: CorpusFormat, text: string): Promise<CorpusUploadReport>;
  /** Settles when no upload is running. */
  idle(): Promise<void>;
}

export interface CorpusUploaderOptions {
  readonly corporaDir: string;
  readonly dataDir: string;
  readonly bots: BotRegistry;
  readonly metrics: ServerMetrics;
  readonly logger: Logger;
  /** Builds the engine for a reindexed bot (with its configured answerer); default: extractive. */
  readonly makeEngine?: EngineFactory;
}

const FILE_OF: Record<CorpusFormat, string> = { jsonl: 'faq.jsonl', csv: 'faq.csv' };

/**
 * Zero-downtime corpus replacement: validate (errors name line and field) → write the file beside
 * the old one and rename it into place → ingest (atomic on disk) → swap the engine. Asks running
 * meanwhile finish on the old engine. Uploads for one bot run one at a time; if indexing fails
 * the previous corpus file is put back, so the folder and the live index never disagree.
 *
 * @example
 * const uploader = createCorpusUploader({ corporaDir, dataDir, bots, metrics, logger });
 * await uploader.upload('housing', 'csv', csvText);
 */
export function createCorpusUploader(options: CorpusUploaderOptions): CorpusUploader {
  const { bots, metrics, logger } = options;
  const mutex = createKeyedMutex();

  async function replaceCorpus(bot: string, format: CorpusFormat, text: string): Promise<CorpusUploadReport> {
    const started = performance.now();
    // The id becomes a path: only a well-formed one may (no "..", no separators).
    if (!BOT_ID_PATTERN.test(bot)) throw new GovchatError('BOT_NOT_FOUND', `unknown bot "${bot}"`);
    const dir = join(options.corporaDir, bot);
    const file = FILE_OF[format];
    const otherFile = FILE_OF[format === 'csv' ? 'jsonl' : 'csv'];
    const botText = await readOptional(join(dir, 'bot.json'));
    if (botText === undefined) throw new GovchatError('BOT_NOT_FOUND', `no corpus folder with a bot.json for bot "${bot}"`, { field: 'bot' });
    const config = parseBotConfig(botText, `${bot}/bot.json`);
    if (config.id !== bot) throw new GovchatError('CORPUS_INVALID', `id "${config.id}" must match its folder name "${bot}"`, { file: `${bot}/bot.json`, field: 'id' });
    const entries = parse(format, text, file);
    checkSuggested(config.suggested, entries, file);

    const target = join(dir, file);
    const other = join(dir, otherFile);
    const previous = { target: await readOptional(target), other: await readOptional(other) };
    await writeFileAtomically(target, text);
    // A folder holds one FAQ file: the other format goes only once the new file is in place.
    if (previous.other !== undefined) await rm(other, { force: true });
    const corpus: Corpus = { bot: config, entries, source: { dir, faqFile: target } };
    try {
      const report = await ingestCorpus(corpus, { dataDir: options.dataDir });
      bots.set((options.makeEngine ?? createDefaultEngine)(report.index));
      const seconds = Math.round(performance.now() - started) / 1000;
      metrics.reindexes.inc({ bot, outcome: 'ok' });
      metrics.reindexSeconds.observe({ bot }, seconds);
      logger.info({ bot, entries: report.entries, added: report.added, changed: report.changed, removed: report.removed, seconds }, 'corpus uploaded and live');
      return {
        bot,
        entries: report.entries,
        added: report.added,
        changed: report.changed,
        removed: report.removed,
        unchanged: report.unchanged,
        seconds,
      };
    } catch (error) {
      metrics.reindexes.inc({ bot, outcome: 'failed' });
      logger.error({ bot, err: error }, 'reindex failed; previous corpus and index kept');
      if (previous.target === undefined) await rm(target, { force: true });
      else await writeFileAtomically(target, previous.target);
      if (previous.other !== undefined) await writeFileAtomically(other, previous.other);
      throw error;
    }
  }

  return {
    upload(bot, format, text) {
      return mutex.run(bot, () => replaceCorpus(bot, format, text));
    },
    idle: () => mutex.idle(),
  };
}

function parse(format: CorpusFormat, text: string, file: string): FaqEntry[] {
  const entries = format === 'csv' ? parseFaqCsv(text, file) : parseFaqJsonl(text, file);
  if (entries.length === 0) throw new GovchatError('CORPUS_INVALID', 'holds no FAQ entries', { file });
  return entries;
}

/** bot.json's starter questions must survive the upload, or the widget would offer dead links. */
function checkSuggested(suggested: readonly string[] | undefined, entries: readonly FaqEntry[], file: string): void {
  const ids = new Set(entries.map((e) => e.id));
  const missing = (suggested ?? []).find((id) => !ids.has(id));
  if (missing !== undefined) {
    throw new GovchatError('CORPUS_INVALID', `bot.json suggests FAQ "${missing}", which this upload does not contain`, { file, field: 'id' });
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

