import { execFile, fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBotEngine, currentGeneration, GovchatError, ingestCorpus, loadCorpus, loadIndex } from '@govchat/core';
// The benchmark's generator: deterministic bilingual FAQs of any size, written as a corpus folder.
import { formalQuestion, makeSyntheticCorpus } from '../../../bench/src/synthetic-corpus.mjs';
import { writeCorpusFolder } from '../../../bench/src/write-corpus.mjs';

/**
 * Ingest under real faults (issue 7): a SIGKILLed ingest process and damaged index files. The
 * child processes run the built packages (dist/), as production does; `npm test` builds first.
 */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = join(REPO, 'bench/src/fault-ingest-child.mjs');
const CLI = join(REPO, 'packages/cli/bin/govchat.js');
const BUILT = [join(REPO, 'packages/core/dist/index.js'), join(REPO, 'packages/cli/dist/main.js')];
const BOT = 'fault-bot';
/** The live index before the crash, and the bigger corpus the killed ingest was writing. */
const OLD_SIZE = 150;
const NEW_SIZE = 600;

const run = promisify(execFile);

beforeAll(() => {
  const missing = BUILT.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`build first (npm run build): missing ${missing.join(', ')}`);
});

describe('kill -9 during ingest', () => {
  /** A data dir holding a good index of OLD_SIZE entries, and a corpus folder of NEW_SIZE for the same bot. */
  async function liveIndexAndNewCorpus(): Promise<{ dataDir: string; newCorpora: string; before: string; question: string }> {
    const root = await mkdtemp(join(tmpdir(), 'govchat-faults-'));
    const old = makeSyntheticCorpus({ size: OLD_SIZE, botId: BOT });
    const dataDir = join(root, 'data');
    await ingestCorpus(old.corpus, { dataDir });
    const newCorpora = join(root, 'new-corpora');
    await writeCorpusFolder(makeSyntheticCorpus({ size: NEW_SIZE, botId: BOT }).corpus, newCorpora);
    const plan = old.plans.find((p: { langs: string[] }) => p.langs.includes('en'));
    return { dataDir, newCorpora, before: await currentGeneration(dataDir, BOT), question: formalQuestion(plan, 'en') };
  }

  /** Starts the child and resolves once it has frozen at `stall`, with where it froze. */
  async function ingestUntilStalled(
    stall: 'write' | 'commit',
    corpusDir: string,
    dataDir: string,
  ): Promise<{ child: ChildProcess; where: { partial?: string; file?: string } }> {
    const child = fork(CHILD, [JSON.stringify({ corpusDir, dataDir, stall })], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const where = await new Promise<{ partial?: string; file?: string }>((resolve, reject) => {
      child.on('message', (m: { stage: string; partial?: string; file?: string }) => {
        if (m.stage === 'stalled') resolve(m);
        if (m.stage === 'done') reject(new Error('the child finished its ingest without stalling'));
      });
      child.on('exit', (code, signal) => reject(new Error(`child exited (${signal ?? code}) before stalling: ${stderr}`)));
    });
    return { child, where };
  }

  async function kill9(child: ChildProcess): Promise<void> {
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    // Waiting for 'exit' also means Node has reaped it: its pid no longer looks alive to the next ingest.
    expect(await exited).toBe('SIGKILL');
  }

  async function expectOldIndexServes(dataDir: string, before: string, question: string): Promise<void> {
    expect(await currentGeneration(dataDir, BOT)).toBe(before);
    const index = await loadIndex(dataDir, BOT);
    expect(index.entries).toHaveLength(OLD_SIZE);
    const result = await createBotEngine(index).ask({ text: question });
    expect(result.sources[0]?.id).toBe('faq-000000');
  }

  const generations = async (dataDir: string): Promise<string[]> => (await readdir(join(dataDir, BOT))).filter((n) => n.startsWith('gen-'));

  it('while the new generation is being written: the old index still loads and answers; the next ingest completes and removes the .partial', async () => {
    const { dataDir, newCorpora, before, question } = await liveIndexAndNewCorpus();
    const { child, where } = await ingestUntilStalled('write', join(newCorpora, BOT), dataDir);
    expect(where.partial).toMatch(/\.partial$/);
    expect((await stat(where.partial!)).isDirectory()).toBe(true);
    await kill9(child);

    await expectOldIndexServes(dataDir, before, question);
    expect((await generations(dataDir)).filter((n) => n.endsWith('.partial'))).toHaveLength(1);

    const report = await ingestCorpus(await loadCorpus(join(newCorpora, BOT)), { dataDir });
    expect(report).toMatchObject({ unchanged: false, entries: NEW_SIZE });
    expect((await loadIndex(dataDir, BOT)).entries).toHaveLength(NEW_SIZE);
    const left = await generations(dataDir);
    expect(left.filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(existsSync(where.partial!)).toBe(false);
    // The new live generation and the one before it (a reader may still be loading it).
    expect(left.length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('after the generation is complete but before CURRENT moves: the old index stays live; `govchat ingest` then completes', async () => {
    const { dataDir, newCorpora, before, question } = await liveIndexAndNewCorpus();
    const { child } = await ingestUntilStalled('commit', join(newCorpora, BOT), dataDir);
    await kill9(child);

    await expectOldIndexServes(dataDir, before, question);
    const orphans = (await generations(dataDir)).filter((n) => join(dataDir, BOT, n) !== before);
    expect(orphans).toHaveLength(1); // complete, never live

    const { stdout } = await run(process.execPath, [CLI, 'ingest', newCorpora, '--data-dir', dataDir], { cwd: REPO });
    expect(stdout).toContain(`${BOT}: ${NEW_SIZE} entries`);
    expect((await loadIndex(dataDir, BOT)).entries).toHaveLength(NEW_SIZE);
    const left = await generations(dataDir);
    expect(left.filter((n) => n.endsWith('.partial'))).toEqual([]);
    // Kept: the new live generation and the one live until a moment ago (a reader may still be
    // loading it) — not the orphan that never went live.
    expect(left).toHaveLength(2);
    expect(left.map((n) => join(dataDir, BOT, n))).toContain(before);
    expect(left).not.toContain(orphans[0]);
  }, 60_000);
});

describe('a truncated or corrupted index file', () => {
  // Every file of a generation, and the CURRENT pointer: each damaged on its own bot.
  const FILES = ['hnsw.bin', 'bm25.json', 'model.json', 'model.f32', 'vectors.f32', 'concepts.i8', 'corpus.json', 'manifest.json', 'CURRENT'] as const;
  const DAMAGE = ['truncated', 'overwritten'] as const;
  const cases = FILES.flatMap((file) => DAMAGE.map((damage) => ({ file, damage, bot: `corrupt-${file.replace('.', '-').toLowerCase()}-${damage}` })));

  let corpora: string;
  let dataDir: string;
  const damagedPath = new Map<string, string>();

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'govchat-corrupt-'));
    corpora = join(root, 'corpora');
    dataDir = join(root, 'data');
    for (const { file, damage, bot } of cases) {
      const { corpus } = makeSyntheticCorpus({ size: 40, botId: bot });
      await writeCorpusFolder(corpus, corpora);
      await ingestCorpus(corpus, { dataDir });
      const path = file === 'CURRENT' ? join(dataDir, bot, 'CURRENT') : join(await currentGeneration(dataDir, bot), file);
      await spoil(path, damage);
      damagedPath.set(bot, path);
    }
  }, 60_000);

  it.each(cases)('$file $damage: loading fails with INDEX_CORRUPT naming the file', async ({ file, bot }) => {
    const error = await loadIndex(dataDir, bot).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GovchatError);
    expect(error).toMatchObject({ code: 'INDEX_CORRUPT', file: damagedPath.get(bot) });
    expect((error as GovchatError).message).toContain(file);
    expect((error as GovchatError).message).toContain('govchat ingest');
  });

  it('`govchat ingest` rebuilds every one of them, saying which file it found damaged', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'ingest', corpora, '--data-dir', dataDir], { cwd: REPO });
    for (const { file, bot } of cases) {
      const line = stdout.split('\n').find((l) => l.startsWith(`${bot}:`));
      expect(line, bot).toMatch(/rebuilt: /);
      expect(line, bot).toContain(file);
      const index = await loadIndex(dataDir, bot);
      expect(index.entries).toHaveLength(40);
    }
  }, 60_000);
});

/** Truncates to half, or overwrites 32 bytes in the middle (same size, so only the content check can tell). */
async function spoil(path: string, damage: 'truncated' | 'overwritten'): Promise<void> {
  const size = (await stat(path)).size;
  if (damage === 'truncated') {
    await truncate(path, Math.floor(size / 2));
    return;
  }
  const bytes = await readFile(path);
  const at = Math.max(0, Math.floor(size / 2) - 16);
  bytes.fill(0xff, at, Math.min(size, at + 32));
  await writeFile(path, bytes);
}
