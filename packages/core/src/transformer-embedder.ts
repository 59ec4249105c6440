import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { EmbedderInfo, TextEmbedder } from './embedder.js';
import { GovchatError } from './govchat-error.js';

/** The model recommended for most departments: 384 dimensions, ~100 languages incl. Chinese, ~120 MB quantised. */
export const DEFAULT_TRANSFORMER_MODEL = 'Xenova/multilingual-e5-small';
/** Bumped when this embedder's behaviour changes for the same model files (e.g. pooling code). */
export const TRANSFORMER_EMBEDDER_VERSION = '1';

/** ONNX weight variants a hub model may ship (`onnx/model{_suffix}.onnx`). */
export type TransformerDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'q4f16' | 'bnb4';
const DTYPE_SUFFIX: Readonly<Record<TransformerDtype, string>> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

export interface TransformerEmbedderOptions {
  /** Hub model id (default 'Xenova/multilingual-e5-small'). */
  readonly model?: string;
  /** Where models live as `<modelsDir>/<org>/<name>/` (default: MODELS_DIR, else ./models). */
  readonly modelsDir?: string;
  /** Download a missing model from the hub into `modelsDir` (default false: offline). */
  readonly allowRemote?: boolean;
  /** The hub to download from when allowed (default https://huggingface.co/, or HF_ENDPOINT). */
  readonly remoteHost?: string;
  /** Prepended to queries; default 'query: ' for e5 models, '' otherwise. */
  readonly queryPrefix?: string;
  /** Prepended to documents; default 'passage: ' for e5 models, '' otherwise. */
  readonly passagePrefix?: string;
  /** How token vectors become one vector (default 'mean', what e5 and most sentence models use). */
  readonly pooling?: 'mean' | 'cls';
  /** Unit-length vectors, so cosine = dot product (default true). */
  readonly normalize?: boolean;
  /** Weight variant (default 'fp32'; 'q8' is ~4× smaller and faster on CPU, slightly less exact). */
  readonly dtype?: TransformerDtype;
  /** Texts per model call in `embedDocuments` (default 16). */
  readonly batchSize?: number;
  /** Environment for the defaults (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/** A loaded transformer embedder; `info.fingerprint` hashes the model files and the settings. */
export interface TransformerEmbedder extends TextEmbedder {
  readonly model: string;
  /** The folder the model was loaded from. */
  readonly modelDir: string;
  readonly queryPrefix: string;
  readonly passagePrefix: string;
  /** Frees the ONNX session. */
  dispose(): Promise<void>;
}

interface ResolvedOptions {
  readonly model: string;
  readonly modelsDir: string;
  readonly allowRemote: boolean;
  readonly remoteHost: string | undefined;
  readonly queryPrefix: string;
  readonly passagePrefix: string;
  readonly pooling: 'mean' | 'cls';
  readonly normalize: boolean;
  readonly dtype: TransformerDtype;
  readonly batchSize: number;
}

/**
 * A sentence embedder on @huggingface/transformers (ONNX Runtime, CPU). Models load from
 * `modelsDir` only, unless `allowRemote`; a missing model is an error naming the folder looked in
 * and the `govchat models fetch` command that puts it there.
 *
 * @example
 * const embedder = await createTransformerEmbedder({ modelsDir: '/srv/govchat/models' });
 * const vector = await embedder.embedQuery('點樣續領護照'); // 384 numbers, unit length
 */
export async function createTransformerEmbedder(options: TransformerEmbedderOptions = {}): Promise<TransformerEmbedder> {
  const resolved = resolveOptions(options);
  const modelDir = modelFolder(resolved.modelsDir, resolved.model);
  if (!resolved.allowRemote) await assertModelPresent(resolved, modelDir);
  const extractor = await loadPipeline(resolved, resolved.modelsDir);
  // One run before handing it out: proves the model works and measures its dimension.
  const dimension = await measureDimension(extractor, resolved);
  if (dimension === 0) throw new GovchatError('CONFIG_INVALID', `model "${resolved.model}" produced no vector`, { file: modelDir });
  const info: EmbedderInfo = {
    name: `transformer:${resolved.model}`,
    version: `${TRANSFORMER_EMBEDDER_VERSION}/${resolved.dtype}`,
    dimension,
    fingerprint: await fingerprintModel(modelDir, resolved),
  };
  return new TransformerEmbeddings(extractor, resolved, modelDir, info);
}

/**
 * Downloads a model from the hub into `modelsDir` (`<modelsDir>/<org>/<name>/`), loads it once to
 * prove it works, and only then puts it in place: an interrupted download never leaves a partial
 * model where the server would load it. For machines with internet; copy the folder elsewhere.
 *
 * @example
 * const fetched = await fetchTransformerModel({ model: 'Xenova/multilingual-e5-small', modelsDir: './models' });
 * console.log(fetched.dir, fetched.files);
 */
export async function fetchTransformerModel(options: {
  readonly model: string;
  readonly modelsDir?: string;
  readonly dtype?: TransformerDtype;
  readonly remoteHost?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly onProgress?: (file: string, loaded: number, total: number) => void;
}): Promise<{ model: string; dir: string; files: Array<{ path: string; bytes: number }>; dimension: number }> {
  const resolved = resolveOptions({ ...options, allowRemote: true });
  await mkdir(resolved.modelsDir, { recursive: true });
  // Staged inside modelsDir, so the final move is a rename on the same file system.
  const staging = join(resolved.modelsDir, `.fetch-${randomBytes(4).toString('hex')}`);
  const target = modelFolder(resolved.modelsDir, resolved.model);
  try {
    const extractor = await loadPipeline(resolved, staging, options.onProgress);
    const dimension = await measureDimension(extractor, resolved);
    await extractor.dispose();
    const staged = modelFolder(staging, resolved.model);
    await mkdir(join(target, '..'), { recursive: true });
    const previous = `${target}.old-${randomBytes(4).toString('hex')}`;
    const hadPrevious = existsSync(target);
    if (hadPrevious) await rename(target, previous);
    await rename(staged, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
    return { model: resolved.model, dir: target, files: await listFiles(target), dimension };
  } catch (cause) {
    if (cause instanceof GovchatError) throw cause;
    throw new GovchatError('NOT_FOUND', `could not fetch model "${resolved.model}" from ${resolved.remoteHost ?? 'https://huggingface.co/'}: ${(cause as Error).message}`, { cause });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** @example if (isTransformerEmbedder(index.embedder)) console.log(index.embedder.model) */
export function isTransformerEmbedder(value: unknown): value is TransformerEmbedder {
  return value instanceof TransformerEmbeddings;
}

class TransformerEmbeddings extends Embeddings implements TransformerEmbedder {
  readonly info: EmbedderInfo;
  readonly model: string;
  readonly modelDir: string;
  readonly queryPrefix: string;
  readonly passagePrefix: string;
  readonly #extractor: FeatureExtractionPipeline;
  readonly #options: ResolvedOptions;

  constructor(extractor: FeatureExtractionPipeline, options: ResolvedOptions, modelDir: string, info: EmbedderInfo) {
    super({});
    this.#extractor = extractor;
    this.#options = options;
    this.model = options.model;
    this.modelDir = modelDir;
    this.queryPrefix = options.queryPrefix;
    this.passagePrefix = options.passagePrefix;
    this.info = info;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.#embed([this.queryPrefix + text]);
    return vector!;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += this.#options.batchSize) {
      vectors.push(...(await this.#embed(texts.slice(i, i + this.#options.batchSize).map((t) => this.passagePrefix + t))));
    }
    return vectors;
  }

  dispose(): Promise<void> {
    return this.#extractor.dispose();
  }

  async #embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const output = await this.#extractor(texts, { pooling: this.#options.pooling, normalize: this.#options.normalize });
    return output.tolist() as number[][];
  }
}

async function measureDimension(extractor: FeatureExtractionPipeline, options: ResolvedOptions): Promise<number> {
  const probe = await extractor('dimension probe', { pooling: options.pooling, normalize: options.normalize });
  return probe.dims[probe.dims.length - 1] ?? 0;
}

function resolveOptions(options: TransformerEmbedderOptions): ResolvedOptions {
  const processEnv = options.env ?? process.env;
  const model = options.model ?? DEFAULT_TRANSFORMER_MODEL;
  if (!/^[A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)?$/.test(model) || model.includes('..')) {
    throw new GovchatError('CONFIG_INVALID', `"${model}" is not a model id such as "${DEFAULT_TRANSFORMER_MODEL}"`, { details: { field: 'model' } });
  }
  // e5 models were trained with these prefixes and lose accuracy without them.
  const isE5 = /(^|[/_-])(multilingual-)?e5([_-]|$)/i.test(model);
  const batchSize = options.batchSize ?? 16;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new GovchatError('CONFIG_INVALID', `batchSize must be a positive integer, not ${batchSize}`);
  const remoteHost = options.remoteHost ?? nonEmpty(processEnv.HF_ENDPOINT);
  return {
    model,
    modelsDir: resolve(options.modelsDir ?? nonEmpty(processEnv.MODELS_DIR) ?? 'models'),
    allowRemote: options.allowRemote ?? false,
    remoteHost: remoteHost === undefined ? undefined : remoteHost.endsWith('/') ? remoteHost : `${remoteHost}/`,
    queryPrefix: options.queryPrefix ?? (isE5 ? 'query: ' : ''),
    passagePrefix: options.passagePrefix ?? (isE5 ? 'passage: ' : ''),
    pooling: options.pooling ?? 'mean',
    normalize: options.normalize ?? true,
    dtype: options.dtype ?? 'fp32',
    batchSize,
  };
}

function modelFolder(modelsDir: string, model: string): string {
  return join(modelsDir, ...model.split('/'));
}

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

async function assertModelPresent(options: ResolvedOptions, modelDir: string): Promise<void> {
  const onnx = `onnx/model${DTYPE_SUFFIX[options.dtype]}.onnx`;
  const missing = [...REQUIRED_FILES, onnx].filter((file) => !existsSync(join(modelDir, file)));
  if (missing.length === 0) return;
  const fetch = `npx govchat models fetch ${options.model} --models-dir ${options.modelsDir}${options.dtype === 'fp32' ? '' : ` --dtype ${options.dtype}`}`;
  throw new GovchatError(
    'CONFIG_INVALID',
    `model "${options.model}" is not in ${modelDir} (missing ${missing.join(', ')}). On a machine with internet run "${fetch}" and copy the folder here, or set MODELS_DIR to where the model is`,
    { file: modelDir, details: { model: options.model, modelsDir: options.modelsDir, missing } },
  );
}

// @huggingface/transformers keeps its settings in one global `env`; loads are serialised so two
// embedders with different folders cannot see each other's settings.
let loading: Promise<unknown> = Promise.resolve();

async function loadPipeline(
  options: ResolvedOptions,
  folder: string,
  onProgress?: (file: string, loaded: number, total: number) => void,
): Promise<FeatureExtractionPipeline> {
  // Imported on first use: ONNX Runtime's native library is not loaded by bots that do not need it.
  const { env, pipeline } = await import('@huggingface/transformers');
  const run = async (): Promise<FeatureExtractionPipeline> => {
    const saved = { localModelPath: env.localModelPath, allowLocalModels: env.allowLocalModels, allowRemoteModels: env.allowRemoteModels, cacheDir: env.cacheDir, remoteHost: env.remoteHost };
    try {
      env.localModelPath = `${folder}/`;
      env.allowLocalModels = true;
      env.allowRemoteModels = options.allowRemote;
      env.cacheDir = folder;
      if (options.remoteHost !== undefined) env.remoteHost = options.remoteHost;
      return (await pipeline('feature-extraction', options.model, {
        dtype: options.dtype,
        device: 'cpu',
        cache_dir: folder,
        local_files_only: !options.allowRemote,
        ...(onProgress === undefined
          ? {}
          : {
              progress_callback: (event: { status?: string; file?: string; loaded?: number; total?: number }) => {
                if (event.status === 'progress' && event.file !== undefined) onProgress(event.file, event.loaded ?? 0, event.total ?? 0);
              },
            }),
      })) as FeatureExtractionPipeline;
    } catch (cause) {
      throw new GovchatError('CONFIG_INVALID', `cannot load model "${options.model}" from ${modelFolder(folder, options.model)}: ${(cause as Error).message}`, {
        file: modelFolder(folder, options.model),
        cause,
      });
    } finally {
      Object.assign(env, saved);
    }
  };
  const result = loading.then(run, run);
  loading = result.catch(() => {});
  return result;
}

/** Hash of the settings that shape vectors and of every byte of the model's files. */
async function fingerprintModel(modelDir: string, options: ResolvedOptions): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      model: options.model,
      dtype: options.dtype,
      pooling: options.pooling,
      normalize: options.normalize,
      queryPrefix: options.queryPrefix,
      passagePrefix: options.passagePrefix,
      version: TRANSFORMER_EMBEDDER_VERSION,
    }),
  );
  for (const file of [...REQUIRED_FILES, `onnx/model${DTYPE_SUFFIX[options.dtype]}.onnx`]) {
    const path = join(modelDir, file);
    if (!existsSync(path)) continue;
    hash.update(`\u0000${file}\u0000`);
    if (file.endsWith('.json')) {
      hash.update(await readFile(path));
      continue;
    }
    // Weights can be hundreds of megabytes: streamed, once per load.
    await new Promise<void>((done, fail) => {
      createReadStream(path)
        .on('data', (chunk) => hash.update(chunk))
        .on('end', done)
        .on('error', fail);
    });
  }
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(dir: string): Promise<Array<{ path: string; bytes: number }>> {
  const files: Array<{ path: string; bytes: number }> = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path: relative(dir, path), bytes: (await stat(path)).size });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
