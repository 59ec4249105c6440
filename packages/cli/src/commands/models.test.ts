import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransformerEmbedder } from '@govchat/core';
import { startFakeModelHub, type FakeModelHub } from '../../../core/src/test-helpers/fake-model-hub.js';
import { writeTinyEmbeddingModel, type TinyModel } from '../../../core/src/test-helpers/tiny-onnx-model.js';
import type { CliIo } from '../cli-context.js';
import { main } from '../main.js';

function capture(cwd: string, env: NodeJS.ProcessEnv = {}): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), cwd, env, isTTY: false, stdout: () => out, stderr: () => err };
}

describe('govchat models fetch', () => {
  let hub: FakeModelHub;
  let tiny: TinyModel;

  beforeAll(async () => {
    const source = await mkdtemp(join(tmpdir(), 'govchat-hub-'));
    tiny = await writeTinyEmbeddingModel(source);
    hub = await startFakeModelHub(source);
  });
  afterAll(() => hub.close());

  it('downloads a model into --models-dir, where the embedder then loads it offline', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'govchat-cli-models-'));
    const io = capture(cwd);
    expect(await main(['models', 'fetch', tiny.id, '--models-dir', 'models', '--hub', hub.url], io)).toBe(0);
    expect(io.stdout()).toContain(`${tiny.id}: 4 files`);
    expect(io.stdout()).toContain(`${tiny.dimension} dimensions`);
    expect(io.stderr()).toContain('onnx/model.onnx');
    const embedder = await createTransformerEmbedder({ model: tiny.id, modelsDir: join(cwd, 'models') });
    expect(embedder.info.dimension).toBe(tiny.dimension);
    await embedder.dispose();
  });

  it('uses MODELS_DIR and HF_ENDPOINT from the environment', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'govchat-cli-models-'));
    const io = capture(cwd, { MODELS_DIR: join(cwd, 'shared-models'), HF_ENDPOINT: hub.url });
    expect(await main(['models', 'fetch', tiny.id], io)).toBe(0);
    expect(await readdir(join(cwd, 'shared-models', 'govchat-test', 'tiny-e5'))).toEqual(expect.arrayContaining(['config.json', 'onnx']));
  });

  it('reports a model the hub does not have as an error (exit 1) and misuse as usage (exit 2)', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'govchat-cli-models-'));
    const missing = capture(cwd);
    expect(await main(['models', 'fetch', 'nobody/nothing', '--hub', hub.url], missing)).toBe(1);
    expect(missing.stderr()).toContain('nobody/nothing');
    expect(await main(['models', 'pull', tiny.id], capture(cwd))).toBe(2);
    expect(await main(['models', 'fetch'], capture(cwd))).toBe(2);
    expect(await main(['models', 'fetch', tiny.id, '--dtype', 'fp64'], capture(cwd))).toBe(2);
  });
});
