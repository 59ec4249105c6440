import { z } from 'zod';
import type { BotConfig } from './corpus-schema.js';
import { GovchatError } from './govchat-error.js';
import {
  createTransformerEmbedder,
  DEFAULT_TRANSFORMER_MODEL,
  type TransformerDtype,
  type TransformerEmbedder,
  type TransformerEmbedderOptions,
} from './transformer-embedder.js';

/** Which embedder builds a bot's vectors: the built-in one fitted on the corpus, or a transformer model. */
export type EmbedderKind = 'cooccurrence' | 'transformer';

/** A bot's resolved embedder choice. */
export type EmbedderConfig =
  | { readonly kind: 'cooccurrence' }
  | { readonly kind: 'transformer'; readonly options: Required<Pick<TransformerEmbedderOptions, 'model' | 'modelsDir' | 'allowRemote' | 'dtype'>> & Pick<TransformerEmbedderOptions, 'queryPrefix' | 'passagePrefix'> };

const DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as const satisfies readonly TransformerDtype[];

/** The `embedder` block of bot.json. */
export const embedderBlockSchema = z.strictObject({
  type: z.enum(['cooccurrence', 'transformer']).optional(),
  model: z.string().regex(/^[A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)?$/, 'must be a model id such as "Xenova/multilingual-e5-small"').optional(),
  dtype: z.enum(DTYPES).optional(),
  queryPrefix: z.string().max(64).optional(),
  passagePrefix: z.string().max(64).optional(),
});

/**
 * A bot's embedder: bot.json's `embedder` block over the environment — GOVCHAT_EMBEDDER
 * (cooccurrence | transformer; default cooccurrence, which needs no model), GOVCHAT_EMBEDDER_MODEL
 * (default Xenova/multilingual-e5-small), GOVCHAT_EMBEDDER_DTYPE (default fp32), MODELS_DIR
 * (default ./models) and GOVCHAT_MODELS_ALLOW_REMOTE (true | false, default false).
 *
 * @throws GovchatError CONFIG_INVALID naming the field or variable.
 * @example
 * const config = resolveEmbedderConfig(corpus.bot, process.env);
 * const embedder = config.kind === 'transformer' ? await createTransformerEmbedder(config.options) : undefined;
 */
export function resolveEmbedderConfig(bot: BotConfig, env: NodeJS.ProcessEnv): EmbedderConfig {
  const parsed = embedderBlockSchema.safeParse(bot.embedder ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = ['embedder', ...issue.path.map(String)].join('.');
    const message = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : issue.message;
    throw new GovchatError('CONFIG_INVALID', `bot "${bot.id}" (bot.json) ${field}: ${message}`, { details: { field } });
  }
  const block = parsed.data;
  const kind = block.type ?? oneOf('GOVCHAT_EMBEDDER', env.GOVCHAT_EMBEDDER, ['cooccurrence', 'transformer'] as const) ?? 'cooccurrence';
  if (kind === 'cooccurrence') return { kind };
  const allowRemote = oneOf('GOVCHAT_MODELS_ALLOW_REMOTE', env.GOVCHAT_MODELS_ALLOW_REMOTE, ['true', 'false'] as const) === 'true';
  return {
    kind,
    options: {
      model: block.model ?? nonEmpty(env.GOVCHAT_EMBEDDER_MODEL) ?? DEFAULT_TRANSFORMER_MODEL,
      modelsDir: nonEmpty(env.MODELS_DIR) ?? 'models',
      allowRemote,
      dtype: block.dtype ?? oneOf('GOVCHAT_EMBEDDER_DTYPE', env.GOVCHAT_EMBEDDER_DTYPE, DTYPES) ?? 'fp32',
      ...(block.queryPrefix === undefined ? {} : { queryPrefix: block.queryPrefix }),
      ...(block.passagePrefix === undefined ? {} : { passagePrefix: block.passagePrefix }),
    },
  };
}

// Loading a model takes seconds and hundreds of megabytes: bots sharing a model share one instance.
const loaded = new Map<string, Promise<TransformerEmbedder>>();

/**
 * The transformer embedder a config names, shared between bots that name the same one; undefined
 * for the built-in embedder (which `buildIndex` fits on the corpus itself).
 *
 * @example
 * const embedder = await loadConfiguredEmbedder(resolveEmbedderConfig(bot, process.env));
 */
export async function loadConfiguredEmbedder(config: EmbedderConfig): Promise<TransformerEmbedder | undefined> {
  if (config.kind === 'cooccurrence') return undefined;
  const key = JSON.stringify(config.options);
  let embedder = loaded.get(key);
  if (embedder === undefined) {
    embedder = createTransformerEmbedder(config.options);
    loaded.set(key, embedder);
    embedder.catch(() => loaded.delete(key)); // a model fetched later is picked up on the next try
  }
  return embedder;
}

function oneOf<const T extends string>(variable: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new GovchatError('CONFIG_INVALID', `${variable} must be ${allowed.join(' or ')}, not "${value}"`, { details: { field: variable } });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
