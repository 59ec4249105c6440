import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHnswIndex, GovchatError, isTextEmbedder, loadCorpus } from './index.js';
import { startFakeModelHub, type FakeModelHub } from './test-helpers/fake-model-hub.js';
import { BUNDLED_CORPORA } from './test-helpers/temp-corpora.js';
import { writeTinyEmbeddingModel, type TinyModel } from './test-helpers/tiny-onnx-model.js';
import { createTransformerEmbedder, fetchTransformerModel, isTransformerEmbedder, type TransformerEmbedder } from './transformer-embedder.js';

let modelsDir: string;
let tiny: TinyModel;
let embedder: TransformerEmbedder;

beforeAll(async () => {
  modelsDir = await mkdtemp(join(tmpdir(), 'govchat-models-'));
  tiny = await writeTinyEmbeddingModel(modelsDir);
  embedder = await createTransformerEmbedder({ model: tiny.id, modelsDir });
});
afterAll(async () => {
  await embedder.dispose();
  await rm(modelsDir, { recursive: true, force: true });
});

const norm = (v: readonly number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('transformer embedder — contract', () => {
  it('is a TextEmbedder whose info names the model and fingerprints its files', () => {
    expect(isTextEmbedder(embedder)).toBe(true);
    expect(isTransformerEmbedder(embedder)).toBe(true);
    expect(embedder.info).toMatchObject({ name: `transformer:${tiny.id}`, version: '1/fp32', dimension: tiny.dimension });
    expect(embedder.info.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(embedder.modelDir).toBe(tiny.dir);
  });

  it('gives the same unit vector of the declared dimension for the same text', async () => {
    const a = await embedder.embedQuery('How do I renew my passport?');
    const b = await embedder.embedQuery('How do I renew my passport?');
    expect(a).toEqual(b);
    expect(a).toHaveLength(embedder.info.dimension);
    expect(norm(a)).toBeCloseTo(1, 5);
  });

  it('applies the e5 prefixes: "query: " to queries, "passage: " to documents', async () => {
    expect([embedder.queryPrefix, embedder.passagePrefix]).toEqual(['query: ', 'passage: ']);
    const asQuery = await embedder.embedQuery('renew passport');
    const [asPassage] = await embedder.embedDocuments(['renew passport']);
    expect(asPassage).not.toEqual(asQuery);
    // The same model without prefixes, given the prefixed texts, gives the same vectors.
    const bare = await createTransformerEmbedder({ model: tiny.id, modelsDir, queryPrefix: '', passagePrefix: '' });
    const [spelledQuery, spelledPassage] = await bare.embedDocuments(['query: renew passport', 'passage: renew passport']);
    const close = (a: readonly number[], b: readonly number[]): boolean => a.every((x, i) => Math.abs(x - b[i]!) < 1e-6);
    expect(close(spelledQuery!, asQuery)).toBe(true);
    expect(close(spelledPassage!, asPassage!)).toBe(true);
    await bare.dispose();
  });

  it('pools with the attention mask: a batch with padding gives each text its own vector', async () => {
    const texts = ['passport', 'How much does it cost to renew my passport online?', '點樣續期護照'];
    const batched = await embedder.embedDocuments(texts);
    for (const [i, text] of texts.entries()) {
      const [alone] = await embedder.embedDocuments([text]);
      expect(batched[i]!.every((x, k) => Math.abs(x - alone![k]!) < 1e-5), text).toBe(true);
    }
  });

  it('tokenises Chinese character by character, as the model’s tokenizer says', async () => {
    const [a, b, c] = await embedder.embedDocuments(['護照續期', '續期護照', '公屋租金']);
    expect(dot(a!, b!)).toBeCloseTo(1, 5); // same characters, mean pooling: same vector
    expect(dot(a!, c!)).toBeLessThan(0.99);
  });

  it('changes the fingerprint when the weights or the settings change', async () => {
    const other = await writeTinyEmbeddingModel(modelsDir, { id: 'govchat-test/tiny-e5-other', seed: 99 });
    const differentWeights = await createTransformerEmbedder({ model: other.id, modelsDir });
    const differentPrefix = await createTransformerEmbedder({ model: tiny.id, modelsDir, queryPrefix: '' });
    const same = await createTransformerEmbedder({ model: tiny.id, modelsDir });
    expect(differentWeights.info.fingerprint).not.toBe(embedder.info.fingerprint);
    expect(differentPrefix.info.fingerprint).not.toBe(embedder.info.fingerprint);
    expect(same.info).toEqual(embedder.info);
    await Promise.all([differentWeights.dispose(), differentPrefix.dispose(), same.dispose()]);
  });

  it('loads the quantised variant when asked for dtype q8', async () => {
    const q8 = await writeTinyEmbeddingModel(modelsDir, { id: 'govchat-test/tiny-q8', onnxFile: 'model_quantized.onnx' });
    const quantised = await createTransformerEmbedder({ model: q8.id, modelsDir, dtype: 'q8' });
    expect(quantised.info.version).toBe('1/q8');
    expect(await quantised.embedQuery('passport')).toHaveLength(q8.dimension);
    await quantised.dispose();
  });
});

describe('transformer embedder — into the HNSW index', () => {
  it('indexes a bundled corpus’s questions and finds most FAQs by their own question', async () => {
    const corpus = await loadCorpus(join(BUNDLED_CORPORA, 'immigration'));
    const questions = corpus.entries.map((e) => e.question.en ?? e.question['zh-HK']!);
    const vectors = await embedder.embedDocuments(questions);
    const index = buildHnswIndex(vectors, embedder.info.dimension);
    expect(index.size).toBe(questions.length);
    // The tiny model knows a few dozen words, so only questions it can tell apart are asked.
    let found = 0;
    for (const question of questions) {
      const [hit] = index.search(await embedder.embedQuery(question), 1);
      if (hit !== undefined && questions[hit.label] === question) found++;
      expect(hit!.similarity).toBeGreaterThan(0.5);
      expect(hit!.similarity).toBeLessThanOrEqual(1 + 1e-6);
    }
    expect(found / questions.length).toBeGreaterThan(0.5);
  });

  it('ranks by meaning the model has: a shared-word query finds the matching document first', async () => {
    const docs = ['How do I renew my passport?', 'I lost my phone', 'Public housing rent', '長者醫療券'];
    const index = buildHnswIndex(await embedder.embedDocuments(docs), embedder.info.dimension);
    expect(index.search(await embedder.embedQuery('renew passport'), 1)[0]?.label).toBe(0);
    expect(index.search(await embedder.embedQuery('lost phone'), 1)[0]?.label).toBe(1);
    expect(index.search(await embedder.embedQuery('醫療券'), 1)[0]?.label).toBe(3);
  });
});

describe('transformer embedder — missing models and fetching', () => {
  it('says where it looked and how to fetch the model when it is not there', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'govchat-nomodels-'));
    const error = await createTransformerEmbedder({ modelsDir: empty }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GovchatError);
    expect((error as GovchatError).code).toBe('CONFIG_INVALID');
    expect((error as GovchatError).message).toContain(join(empty, 'Xenova', 'multilingual-e5-small'));
    expect((error as GovchatError).message).toContain(`npx govchat models fetch Xenova/multilingual-e5-small --models-dir ${empty}`);
  });

  it('reads MODELS_DIR from the environment', async () => {
    const fromEnv = await createTransformerEmbedder({ model: tiny.id, env: { MODELS_DIR: modelsDir } });
    expect(fromEnv.info.fingerprint).toBe(embedder.info.fingerprint);
    await fromEnv.dispose();
  });

  describe('from a hub', () => {
    let hub: FakeModelHub;
    beforeAll(async () => {
      hub = await startFakeModelHub(modelsDir);
    });
    afterAll(() => hub.close());

    it('downloads a model into the models dir, ready for offline use', async () => {
      const target = await mkdtemp(join(tmpdir(), 'govchat-fetched-'));
      const progress: string[] = [];
      const fetched = await fetchTransformerModel({ model: tiny.id, modelsDir: target, remoteHost: hub.url, onProgress: (file) => progress.push(file) });
      expect(fetched.dir).toBe(join(target, 'govchat-test', 'tiny-e5'));
      expect(fetched.dimension).toBe(tiny.dimension);
      expect(fetched.files.map((f) => f.path).sort()).toEqual(['config.json', 'onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json']);
      expect(await readFile(join(fetched.dir, 'onnx', 'model.onnx'))).toEqual(await readFile(join(tiny.dir, 'onnx', 'model.onnx')));
      expect(hub.requested.some((url) => url.endsWith('/onnx/model.onnx'))).toBe(true);
      // Offline from here on: same files, same fingerprint as the original.
      const offline = await createTransformerEmbedder({ model: tiny.id, modelsDir: target });
      expect(offline.info).toEqual(embedder.info);
      await offline.dispose();
    });

    it('fails clearly, leaving nothing behind, for a model the hub does not have', async () => {
      const target = await mkdtemp(join(tmpdir(), 'govchat-fetched-'));
      const error = await fetchTransformerModel({ model: 'nobody/no-such-model', modelsDir: target, remoteHost: hub.url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GovchatError);
      expect((error as GovchatError).message).toContain('nobody/no-such-model');
      expect(await readdir(target)).toEqual([]);
    });
  });
});
