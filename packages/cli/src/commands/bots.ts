import { parseArgs } from 'node:util';
import { describeCalibration, describeCalibrations, describeEmbedder, isGovchatError, listIndexedBots, loadIndex, type BotIndex } from '@govchat/core';
import { resolveDataDir, type CliIo } from '../cli-context.js';

export const BOTS_USAGE = 'govchat bots [--data-dir DIR] [--json]';

/** `govchat bots`: what is ingested in the data dir. */
export async function runBots(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const dataDir = resolveDataDir(io, values['data-dir']);
  const rows: Array<{ id: string; name?: string; entries?: number; embedder?: string; calibration?: string; builtAt?: string; error?: string }> = [];
  const loaded = new Map<string, BotIndex>();
  for (const id of await listIndexedBots(dataDir)) {
    try {
      const index = await loadIndex(dataDir, id, { env: io.env });
      loaded.set(id, index);
      rows.push({
        id,
        name: index.bot.name.en,
        entries: index.manifest.entryCount,
        embedder: describeEmbedder(index.manifest.embedder),
        calibration: describeCalibration(index),
        builtAt: index.manifest.createdAt,
      });
    } catch (error) {
      if (!isGovchatError(error)) throw error;
      rows.push({ id, error: error.message });
    }
  }
  if (values.json) {
    io.out(`${JSON.stringify(rows)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.out(`no bots ingested in ${dataDir}; run "govchat ingest corpora"\n`);
    return 0;
  }
  for (const r of rows) {
    io.out(r.error === undefined ? `${r.id.padEnd(20)} ${String(r.entries).padStart(5)} entries  ${r.embedder}  ${r.name}\n` : `${r.id.padEnd(20)} unreadable: ${r.error}\n`);
  }
  // When to answer and when to abstain: the shipped calibration, or the data dir's own (govchat calibrate).
  if (loaded.size > 0) io.out(`calibration: ${describeCalibrations(loaded)}\n`);
  return 0;
}
