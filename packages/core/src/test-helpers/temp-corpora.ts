import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBotDirs, ingestCorpus, loadCorpus, type IngestReport } from '../index.js';

/** The repository's bundled corpora. */
export const BUNDLED_CORPORA = fileURLToPath(new URL('../../../../corpora', import.meta.url));

/** A private copy of some bundled bots, so a test may edit them. */
export async function copyCorpora(bots: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'govchat-corpora-'));
  for (const bot of bots) await cp(join(BUNDLED_CORPORA, bot), join(dir, bot), { recursive: true });
  return dir;
}

/** Ingests every bot of `corporaDir` into a fresh data dir. */
export async function ingestAll(corporaDir: string, dataDir?: string): Promise<{ dataDir: string; reports: IngestReport[] }> {
  const target = dataDir ?? (await mkdtemp(join(tmpdir(), 'govchat-data-')));
  const reports: IngestReport[] = [];
  for (const dir of await findBotDirs(corporaDir)) reports.push(await ingestCorpus(await loadCorpus(dir), { dataDir: target }));
  return { dataDir: target, reports };
}

/** Rewrites one FAQ line of a bot's faq.jsonl through `edit`. */
export async function editFaq(corporaDir: string, bot: string, id: string, edit: (entry: Record<string, any>) => void): Promise<void> {
  const file = join(corporaDir, bot, 'faq.jsonl');
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  const out = lines.map((line) => {
    const entry = JSON.parse(line) as Record<string, any>;
    if (entry.id !== id) return line;
    edit(entry);
    return JSON.stringify(entry);
  });
  await writeFile(file, `${out.join('\n')}\n`);
}
