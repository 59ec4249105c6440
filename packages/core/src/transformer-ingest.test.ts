import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBotEngine, createHybridRetriever, currentGeneration, ingestCorpus, loadCorpus, loadIndex } from '@govchat/core';
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
