import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes a corpus as a department hands it over — `<dir>/<bot>/bot.json` and `faq.jsonl` — so
 * the CLI and `loadCorpus` read it exactly as they read the bundled corpora.
 *
 * @returns the bot's folder
 */
export async function writeCorpusFolder(corpus, dir) {
  const botDir = join(dir, corpus.bot.id);
  await rm(botDir, { recursive: true, force: true });
  await mkdir(botDir, { recursive: true });
  await writeFile(join(botDir, 'bot.json'), `${JSON.stringify(corpus.bot, null, 2)}\n`);
  // One write of the whole file: 100k entries are ~50 MB, fine in memory, and far faster than a stream here.
  await writeFile(join(botDir, 'faq.jsonl'), `${corpus.entries.map((e) => JSON.stringify(e)).join('\n')}\n`);
  return botDir;
}
