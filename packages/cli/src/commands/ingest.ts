import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findBotDirs, ingestCorpus, isGovchatError, loadCorpus, type IngestReport } from '@govchat/core';
import { resolveDataDir, UsageError, type CliIo } from '../cli-context.js';

export const INGEST_USAGE = 'govchat ingest <path> [--data-dir DIR] [--force]';

/**
 * `govchat ingest <path>`: one bot folder, or a folder of bot folders. A bot whose corpus is
 * invalid is skipped with an error naming file, line and field; its live index is untouched.
 */
export async function runIngest(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' }, force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one <path>');
  const dataDir = resolveDataDir(io, values['data-dir']);
  const dirs = await findBotDirs(resolve(io.cwd, positionals[0]!));
  let failed = 0;
  for (const dir of dirs) {
    try {
      const corpus = await loadCorpus(dir, { relativeTo: io.cwd });
      const report = await ingestCorpus(corpus, { dataDir, force: values.force });
      io.out(`${formatReport(report)}\n`);
    } catch (error) {
      if (!isGovchatError(error)) throw error;
      failed++;
      io.err(`error: ${error.message}\n`);
    }
  }
  if (failed > 0) io.err(`${failed} of ${dirs.length} bot(s) not ingested; their previous index (if any) is still live\n`);
  return failed > 0 ? 1 : 0;
}

function formatReport(r: IngestReport): string {
  const what = r.unchanged
    ? 'unchanged'
    : `+${r.added} added, ${r.changed} changed, -${r.removed} removed, ${r.embeddedEntries} embedded${r.refitted ? ', embedder fitted' : ''}`;
  const recovered = r.recovered === undefined ? '' : ` (rebuilt: ${r.recovered})`;
  return `${r.botId}: ${r.entries} entries (${what}) in ${r.seconds.toFixed(2)} s${recovered}`;
}
