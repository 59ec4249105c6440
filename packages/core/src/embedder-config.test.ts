import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botConfigSchema, GovchatError, loadConfiguredEmbedder, resolveEmbedderConfig, type BotConfig } from './index.js';
import { TEST_BOT } from './test-helpers/answer-fixtures.js';
import { writeTinyEmbeddingModel } from './test-helpers/tiny-onnx-model.js';

const botWith = (embedder?: Record<string, unknown>): BotConfig => botConfigSchema.parse({ ...TEST_BOT, ...(embedder === undefined ? {} : { embedder }) });

describe('resolveEmbedderConfig', () => {
  it('keeps the built-in embedder by default: nothing to download', () => {
    expect(resolveEmbedderConfig(botWith(), {})).toEqual({ kind: 'cooccurrence' });
  });

  it('selects a transformer per bot, with environment defaults for the rest', () => {
    expect(resolveEmbedderConfig(botWith({ type: 'transformer', dtype: 'q8' }), { MODELS_DIR: '/srv/models' })).toEqual({
      kind: 'transformer',
      options: { model: 'Xenova/multilingual-e5-small', modelsDir: '/srv/models', allowRemote: false, dtype: 'q8' },
    });
    expect(resolveEmbedderConfig(botWith(), { GOVCHAT_EMBEDDER: 'transformer', GOVCHAT_EMBEDDER_MODEL: 'Xenova/bge-m3', GOVCHAT_MODELS_ALLOW_REMOTE: 'true' })).toMatchObject({
      kind: 'transformer',
      options: { model: 'Xenova/bge-m3', allowRemote: true },
    });
    expect(resolveEmbedderConfig(botWith({ type: 'cooccurrence' }), { GOVCHAT_EMBEDDER: 'transformer' })).toEqual({ kind: 'cooccurrence' });
  });

  it('names what is wrong', () => {
    for (const [bot, env, pattern] of [
      [botWith({ type: 'bert' }), {}, /embedder\.type/],
      [botWith({ modle: 'x' }), {}, /unknown key\(s\) modle/],
      [botWith(), { GOVCHAT_EMBEDDER: 'openai' }, /GOVCHAT_EMBEDDER must be/],
      [botWith({ type: 'transformer' }), { GOVCHAT_MODELS_ALLOW_REMOTE: 'yes' }, /GOVCHAT_MODELS_ALLOW_REMOTE/],
    ] as const) {
      expect(() => resolveEmbedderConfig(bot, env)).toThrow(GovchatError);
      expect(() => resolveEmbedderConfig(bot, env)).toThrow(pattern);
    }
  });
});

describe('loadConfiguredEmbedder', () => {
  it('loads the configured model once for all bots that name it', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'govchat-models-'));
    const tiny = await writeTinyEmbeddingModel(modelsDir);
    const config = resolveEmbedderConfig(botWith({ type: 'transformer', model: tiny.id }), { MODELS_DIR: modelsDir });
    const [a, b] = await Promise.all([loadConfiguredEmbedder(config), loadConfiguredEmbedder(config)]);
    expect(a).toBe(b);
    expect(a?.info.dimension).toBe(tiny.dimension);
    expect(await loadConfiguredEmbedder({ kind: 'cooccurrence' })).toBeUndefined();
  });
});
