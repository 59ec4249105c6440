import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CALIBRATION_FILE,
  calibrationKeyOf,
  createBotEngine,
  createHybridRetriever,
  currentGeneration,
  describeCalibration,
  ingestCorpus,
  loadCorpus,
  loadIndex,
  RETRIEVAL_CALIBRATION,
  writeCalibration,
} from '@govchat/core';
import { copyCorpora } from './test-helpers/temp-corpora.js';
import { writeTinyEmbeddingModel, type TinyModel } from './test-helpers/tiny-onnx-model.js';

const BOT = 'labour';

describe('ingest with a transformer embedder (tiny offline ONNX model)', () => {
  let corpora: string;
  let dataDir: string;
  let tiny: TinyModel;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'govchat-models-'));
    tiny = await writeTinyEmbeddingModel(modelsDir);
    env = { MODELS_DIR: modelsDir };
    corpora = await copyCorpora([BOT]);
    dataDir = await mkdtemp(join(tmpdir(), 'govchat-data-'));
    // The department switches its bot to the transformer in bot.json.
    const botFile = join(corpora, BOT, 'bot.json');
    const bot = JSON.parse(await readFile(botFile, 'utf8'));
    await writeFile(botFile, JSON.stringify({ ...bot, embedder: { type: 'transformer', model: tiny.id } }));
  });

  it('builds an index that records the model, keeps no built-in model files, and answers', async () => {
    const report = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir, env });
    expect(report.embedder).toMatchObject({ name: `transformer:${tiny.id}`, dimension: tiny.dimension });
    expect(report.embeddedEntries).toBe(report.entries);
    const files = await readdir(await currentGeneration(dataDir, BOT));
    expect(files).toContain('hnsw.bin');
    expect(files).not.toContain('model.f32');

    const index = await loadIndex(dataDir, BOT, { env });
    expect(index.manifest.embedderConfig).toMatchObject({ model: tiny.id });
    const dense = createHybridRetriever(index, { mode: 'dense' });
    const entry = index.entries[3]!;
    const { hits } = await dense.retrieve({ text: entry.question.en! }, { limit: 5 });
    expect(hits.map((h) => h.entry.id)).toContain(entry.id);
    const result = await createBotEngine(index, { abstainBelow: 0 }).ask({ text: entry.question.en! });
    expect(result.abstained).toBe(false);
    expect(result.answer.length).toBeGreaterThan(0);
  });

  it('is its own calibration family: the shipped calibration is flagged, one fitted for the built-in embedder is ignored, its own applies', async () => {
    const index = await loadIndex(dataDir, BOT, { env });
    const key = calibrationKeyOf(index.manifest);
    expect(key.embedder).toBe(`transformer:${tiny.id}@${index.manifest.embedder.fingerprint}`);
    expect(describeCalibration(index)).toContain('fitted for the built-in embedder, not this model: run "govchat calibrate');

    const record = { format: 1, createdAt: new Date().toISOString(), pipeline: key.pipeline, embedder: 'cooccurrence', bots: [BOT], leaveOneBotOutAccuracy: 0.9, weights: RETRIEVAL_CALIBRATION.weights, abstainBelow: 0.3, fittedOn: 'dev', modes: RETRIEVAL_CALIBRATION.modes } as const;
    await writeCalibration(dataDir, record);
    const builtIn = await loadIndex(dataDir, BOT, { env });
    expect(createHybridRetriever(builtIn).abstainBelow).toBe(RETRIEVAL_CALIBRATION.abstainBelow);
    expect(describeCalibration(builtIn)).toContain('ignored: fitted for embedder cooccurrence');

    await writeCalibration(dataDir, { ...record, embedder: key.embedder });
    expect(createHybridRetriever(await loadIndex(dataDir, BOT, { env })).abstainBelow).toBe(0.3);
    await rm(join(dataDir, CALIBRATION_FILE));
  });

  it('re-ingests unchanged without embedding, and switching back to the built-in embedder rebuilds', async () => {
    const again = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir, env });
    expect(again).toMatchObject({ unchanged: true, embeddedEntries: 0 });

    const botFile = join(corpora, BOT, 'bot.json');
    const bot = JSON.parse(await readFile(botFile, 'utf8'));
    delete bot.embedder;
    await writeFile(botFile, JSON.stringify(bot));
    const back = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir, env });
    expect(back.unchanged).toBe(false);
    expect(back.embedder.name).toBe('govchat-cooccurrence');
    expect(back.embeddedEntries).toBe(back.entries);
  });
});
