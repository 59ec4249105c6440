import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus, loadCorpus, type Corpus } from '@govchat/core';
import { copyCorpora } from '../../../core/src/test-helpers/temp-corpora.js';
import { writeTinyEmbeddingModel } from '../../../core/src/test-helpers/tiny-onnx-model.js';
import type { CliIo } from '../cli-context.js';
import { main } from '../main.js';

const BOTS = ['housing', 'iam-smart'] as const;
let cwd: string;
let corpora: Corpus[];

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), cwd, env, isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Each bot's first FAQ questions (to answer) and the other bot's (to decline), in the eval format. */
function dataset(perBot: number): string {
  const lines = corpora.flatMap((corpus, i) => {
    const other = corpora[1 - i]!;
    const own = corpus.entries.slice(0, perBot).map((e) => ({ bot: corpus.bot.id, query: e.question.en, lang: 'en', expected: [e.id] }));
    const foreign = other.entries.slice(0, Math.ceil(perBot / 2)).map((e) => ({ bot: corpus.bot.id, query: e.question.en, lang: 'en', expected: [] }));
    return [...own, ...foreign];
  });
  return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'govchat-cli-calibrate-'));
  corpora = [];
  for (const bot of BOTS) {
    const corpus = await loadCorpus(fileURLToPath(new URL(`../../../../corpora/${bot}`, import.meta.url)));
    corpora.push(corpus);
    await ingestCorpus(corpus, { dataDir: join(cwd, 'data') });
  }
  await writeFile(join(cwd, 'dev.jsonl'), dataset(12));
  await writeFile(join(cwd, 'tiny.jsonl'), dataset(2));
});

describe('govchat calibrate', () => {
  it('refuses a dataset too small to fit, and writes nothing', async () => {
    const { code, err } = await run(['calibrate', '--dataset', 'tiny.jsonl']);
    expect(code).toBe(1);
    expect(err).toContain('tiny.jsonl: 6 questions reach retrieval');
    expect(err).toContain('a fit needs at least 20');
    await expect(access(join(cwd, 'data', 'calibration.json'))).rejects.toThrow();
    expect((await run(['calibrate'])).code).toBe(2);
  });

  it('fits the data dir calibration, which eval and bots then report as the one in use', async () => {
    const { code, out } = await run(['calibrate', '--dataset', 'dev.jsonl', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, any>;
    const file = join(cwd, 'data', 'calibration.json');
    expect(result).toMatchObject({ file, samples: 36, bots: [...BOTS], embedder: 'cooccurrence', format: 1 });
    expect(result.abstainBelow).toBeGreaterThanOrEqual(0);
    expect(result.abstainBelow).toBeLessThanOrEqual(1);
    expect(result.before.calibration).toMatch(/^shipped \(/);
    // The baselines that eval --compare runs on these indexes are fitted too.
    for (const mode of ['bm25', 'dense']) expect(result.modes[mode].abstainBelow).toEqual(expect.any(Number));
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, any>;
    expect(stored.weights).toEqual(result.weights);
    expect(stored.fittedOn).toBe(`dev.jsonl: 36 queries, leave-one-bot-out accuracy ${result.leaveOneBotOutAccuracy}`);

    const evalRun = await run(['eval', '--dataset', 'dev.jsonl']);
    expect(evalRun.code).toBe(0);
    expect(evalRun.out).toContain(`calibration: ${file} (${stored.fittedOn})`);
    const bots = await run(['bots']);
    expect(bots.out).toContain(`calibration: ${file} (${stored.fittedOn})`);

    // A malformed file does not stop the run that replaces it.
    await writeFile(file, '{"format": 1');
    expect((await run(['eval', '--dataset', 'dev.jsonl'])).code).toBe(1);
    const repaired = await run(['calibrate', '--dataset', 'dev.jsonl', '--json']);
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.out).before.calibration).toContain('replaces a malformed one');

    // Fitting again starts from the data dir's own calibration, and says so.
    const again = await run(['calibrate', '--dataset', 'dev.jsonl']);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`calibrated 2 bot(s) (housing, iam-smart), embedder cooccurrence, on 36 questions of dev.jsonl`);
    expect(again.out).toMatch(new RegExp(`before: +[01](\\.\\d+)? with ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
  });
});

describe('govchat calibrate for a transformer embedder (tiny offline ONNX model)', () => {
  it('refuses bots of different embedders, then fits the model its own calibration, which eval uses', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'govchat-models-'));
    const tiny = await writeTinyEmbeddingModel(modelsDir);
    const env = { MODELS_DIR: modelsDir };
    const copies = await copyCorpora(BOTS);
    const dataDir = join(cwd, 'transformer-data');
    const useModel = async (bot: string): Promise<void> => {
      const file = join(copies, bot, 'bot.json');
      const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeFile(file, JSON.stringify({ ...config, embedder: { type: 'transformer', model: tiny.id } }));
      await ingestCorpus(await loadCorpus(join(copies, bot)), { dataDir, env });
    };
    await useModel('housing');
    await ingestCorpus(await loadCorpus(join(copies, 'iam-smart')), { dataDir, env });

    const mixed = await run(['calibrate', '--dataset', 'dev.jsonl', '--data-dir', dataDir], env);
    expect(mixed.code).toBe(1);
    expect(mixed.err).toMatch(/indexed with different embedders \(housing: transformer:[^,]+, iam-smart: cooccurrence\)/);
    await expect(access(join(dataDir, 'calibration.json'))).rejects.toThrow();
    // Until calibrated, the model's index is flagged wherever the calibration is named.
    expect((await run(['bots', '--data-dir', dataDir], env)).out).toContain('housing: shipped (');

    await useModel('iam-smart');
    const fitted = await run(['calibrate', '--dataset', 'dev.jsonl', '--data-dir', dataDir, '--json'], env);
    expect(fitted.code).toBe(0);
    const record = JSON.parse(fitted.out) as Record<string, any>;
    expect(record.embedder).toMatch(new RegExp(`^transformer:${tiny.id}@`));
    expect(record.before.calibration).toContain('fitted for the built-in embedder, not this model');
    const evalRun = await run(['eval', '--dataset', 'dev.jsonl', '--data-dir', dataDir], env);
    expect(evalRun.out).toContain(`calibration: ${join(dataDir, 'calibration.json')} (${record.fittedOn})`);
  });
});
