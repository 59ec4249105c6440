import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBm25Index, DEFAULT_BM25_OPTIONS, loadBm25Index, type Bm25Index, type SerializedBm25 } from './bm25-index.js';
import {
  createCooccurrenceEmbedder,
  DEFAULT_COOCCURRENCE_OPTIONS,
  fitCooccurrenceModel,
  isCooccurrenceEmbedder,
  type CooccurrenceModel,
} from './cooccurrence-embedder.js';
import { calibrationOfIndex, readCalibration, type IndexCalibration } from './calibration-file.js';
import { loadConceptSpace } from './concept-space.js';
import type { BotConfig, Corpus, FaqEntry } from './corpus-schema.js';
import { assertSameEmbedder, type EmbedderInfo, type TextEmbedder } from './embedder.js';
import { loadConfiguredEmbedder, type EmbedderConfig } from './embedder-config.js';
import { CONCEPT_ROWS_PER_FAQ, embedFaqConcepts } from './faq-concepts.js';
import { toFaqDocument, VECTORS_PER_FAQ, type FaqDocument } from './faq-document.js';
import { GovchatError } from './govchat-error.js';
import { buildHnswIndex, DEFAULT_HNSW_OPTIONS, loadHnswIndex, type HnswOptions, type VectorIndex } from './hnsw-index.js';
import { openCurrentGeneration, sha256, type GenerationFiles } from './index-store.js';
import { hashFiles, hashModuleSources } from './internal/source-fingerprint.js';

/** Bumped when the on-disk format changes: an older index is then rebuilt, never misread. */
export const INDEX_FORMAT = 2;

export interface IndexManifest {
  readonly format: number;
  /** Fingerprint of the analysis pipeline that built it (see `pipelineFingerprint`). */
  readonly pipeline: string;
  readonly botId: string;
  readonly createdAt: string;
  readonly corpusHash: string;
  readonly entryCount: number;
  readonly vectorCount: number;
  readonly embedder: EmbedderInfo;
  /** How to load a non-built-in embedder again (model id, dtype, prefixes; never secrets). */
  readonly embedderConfig?: TransformerIndexConfig;
  readonly hnsw: HnswOptions;
  /** The concept space the FAQs' concept vectors were made with (absent when it was not built). */
  readonly concepts?: { readonly fingerprint: string; readonly dimension: number };
}

/** The part of a transformer embedder's config an index keeps, to load the same model for queries. */
export type TransformerIndexConfig = Omit<Extract<EmbedderConfig, { kind: 'transformer' }>['options'], 'modelsDir' | 'allowRemote'>;

/** One bot's loaded index: everything retrieval and answering need, read-only. */
export interface BotIndex {
  readonly bot: BotConfig;
  readonly entries: readonly FaqEntry[];
  readonly manifest: IndexManifest;
  readonly bm25: Bm25Index;
  readonly vectors: VectorIndex;
  /** What built the vectors and embeds queries: the built-in co-occurrence embedder or a transformer. */
  readonly embedder: TextEmbedder;
  /** Content hash of each entry, in entry order. */
  readonly entryHashes: readonly string[];
  /** All vectors, row-major (entries × VECTORS_PER_FAQ × dimension): reused by the next ingest. */
  readonly vectorData: Float32Array;
  /** Concept vectors, CONCEPT_ROWS_PER_FAQ per entry (see faq-concepts.ts); absent without the concept space. */
  readonly concepts?: Int8Array;
  /** The generation folder it was loaded from ('' when built in memory). */
  readonly location: string;
  /**
   * The data dir's own calibration (`govchat calibrate`), and whether it applies to this index;
   * absent when the data dir has none, and the shipped calibration is used.
   */
  readonly calibration?: IndexCalibration;
  entryById(id: string): FaqEntry | undefined;
}

export interface BuildIndexOptions {
  /** The live index: its model and unchanged entries' vectors are reused. */
  readonly previous?: BotIndex;
  /** Refit the embedder when more than this share of entries changed (default 0.25). */
  readonly refitRatio?: number;
  readonly hnsw?: HnswOptions;
  /**
   * Embed with this model instead of fitting the built-in embedder (e.g. a transformer from
   * `loadConfiguredEmbedder`), with the config that loads it again.
   */
  readonly embedder?: { readonly embedder: TextEmbedder; readonly config: TransformerIndexConfig };
}

export interface BuildStats {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  /** Entries whose vectors were computed (not reused). */
  readonly embeddedEntries: number;
  /** Whether the embedder was fitted anew. */
  readonly refitted: boolean;
}

// Text covering every analysis path (English, written and colloquial Chinese, Simplified,
// code-mixing, hyphens, numbers): if the analyser, lexicon, stop words or field weights change,
// its analysis changes, and so does the fingerprint.
const PROBE_ENTRY: FaqEntry = {
  id: 'probe',
  question: { en: 'How do I renew my HKID card? What are the fees in 2026?', 'zh-HK': '點樣續期身份證，要幾多錢？' },
  answer: { en: 'Apply online via e-Channel or iAM Smart; it costs HK$2,000.', 'zh-HK': '怎么办理护照？我想renew passport，網上得唔得？' },
  alternates: { en: ['renewal of identity cards'], 'zh-HK': ['係咪可以補領'] },
  category: 'Probe',
};
let memoFingerprint: string | undefined;

/**
 * Identifies the code and settings that turn text into an index. Part of the corpus hash, so an
 * upgrade re-indexes even an unchanged corpus, and never reuses terms or vectors computed the old
 * way.
 */
export function pipelineFingerprint(): string {
  memoFingerprint ??= sha256(
    JSON.stringify({
      format: INDEX_FORMAT,
      probe: [...toFaqDocument(PROBE_ENTRY).bag].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      bm25: DEFAULT_BM25_OPTIONS,
      embedder: DEFAULT_COOCCURRENCE_OPTIONS,
      hnsw: DEFAULT_HNSW_OPTIONS,
      vectorsPerFaq: VECTORS_PER_FAQ,
      // A rebuilt (or newly available) concept space changes every FAQ's concept vectors.
      concepts: loadConceptSpace()?.fingerprint ?? null,
      // The probe cannot exercise every rule (a new question intent, one lexicon entry): the code
      // of this package itself, so an upgrade always re-indexes once.
      code: hashModuleSources(fileURLToPath(new URL('.', import.meta.url))),
      // Dictionaries built by scripts/build-resources.mjs (the concept space has its own digest above).
      resources: hashFiles(fileURLToPath(new URL('../resources/', import.meta.url)), (name) => name.endsWith('.json')),
    }),
  ).slice(0, 16);
  return memoFingerprint;
}

/** The hash of everything in a corpus that reaches the index, and of the pipeline that indexes it. */
export function hashCorpus(corpus: Pick<Corpus, 'bot' | 'entries'>, entryHashes: readonly string[]): string {
  return sha256(JSON.stringify({ pipeline: pipelineFingerprint(), bot: corpus.bot, entries: entryHashes })).slice(0, 32);
}

/**
 * Builds a bot's index in memory and the files that persist it.
 *
 * @example
 * const { index, files } = await buildIndex(await loadCorpus('corpora/housing'));
 */
export async function buildIndex(
  corpus: Pick<Corpus, 'bot' | 'entries'>,
  options: BuildIndexOptions = {},
): Promise<{ index: BotIndex; files: GenerationFiles; manifest: IndexManifest; stats: BuildStats }> {
  const hnswOptions = options.hnsw ?? DEFAULT_HNSW_OPTIONS;
  const docs: FaqDocument[] = corpus.entries.map(toFaqDocument);
  const entryHashes = docs.map((d) => d.hash);
  // Vectors and models from a different pipeline are not comparable: start afresh.
  const previous = options.previous?.manifest.pipeline === pipelineFingerprint() ? options.previous : undefined;
  const previousRow = new Map(previous?.entryHashes.map((h, i) => [h, i]));
  const previousIds = new Set(previous?.entries.map((e) => e.id));
  const currentIds = new Set(corpus.entries.map((e) => e.id));
  const added = corpus.entries.filter((e) => !previousIds.has(e.id)).length;
  const removed = [...previousIds].filter((id) => !currentIds.has(id)).length;
  const unchanged = entryHashes.filter((h) => previousRow.has(h)).length;
  const changed = corpus.entries.length - unchanged - added;

  // Refitting moves every vector, so it happens only when the corpus has drifted enough that the
  // old model no longer describes it; small edits keep the model and re-embed only themselves.
  const drift = corpus.entries.length === 0 ? 1 : (corpus.entries.length - unchanged) / corpus.entries.length;
  const external = options.embedder?.embedder;
  // Vectors can be reused only from an index built by the very same embedder.
  const sameEmbedder =
    previous !== undefined &&
    (external === undefined ? isCooccurrenceEmbedder(previous.embedder) : sameInfo(previous.manifest.embedder, external.info));
  const refitted = external === undefined && (!sameEmbedder || drift > (options.refitRatio ?? 0.25));
  const embedder: TextEmbedder =
    external ?? (refitted || previous === undefined ? createCooccurrenceEmbedder(fitCooccurrenceModel(docs.map((d) => d.bag))) : previous.embedder);
  const dimension = embedder.info.dimension;
  const reusable = sameEmbedder && !refitted;

  const vectorData = new Float32Array(docs.length * VECTORS_PER_FAQ * dimension);
  const toEmbed: number[] = [];
  docs.forEach((doc, i) => {
    const target = vectorData.subarray(i * VECTORS_PER_FAQ * dimension, (i + 1) * VECTORS_PER_FAQ * dimension);
    const reuse = reusable ? previousRow.get(doc.hash) : undefined;
    if (reuse !== undefined && previous !== undefined) {
      target.set(previous.vectorData.subarray(reuse * VECTORS_PER_FAQ * dimension, (reuse + 1) * VECTORS_PER_FAQ * dimension));
    } else toEmbed.push(i);
  });
  if (isCooccurrenceEmbedder(embedder)) {
    // The built-in embedder takes the analysed terms directly: no second analysis pass.
    for (const i of toEmbed) {
      const doc = docs[i]!;
      const question = mergeAlternates(doc.fields.question, doc.fields.alternates);
      const at = i * VECTORS_PER_FAQ * dimension;
      embedder.embedTermsInto(weighted(question), vectorData.subarray(at, at + dimension));
      embedder.embedTermsInto(weighted(doc.fields.answer ?? new Map()), vectorData.subarray(at + dimension, at + 2 * dimension));
    }
  } else if (toEmbed.length > 0) {
    const texts = toEmbed.flatMap((i) => docs[i]!.denseTexts);
    const embedded = await embedder.embedDocuments(texts);
    embedded.forEach((vector, k) => {
      if (vector.length !== dimension) {
        throw new GovchatError('EMBEDDER_MISMATCH', `embedder returned ${vector.length} dimensions, its info says ${dimension}`);
      }
      const i = toEmbed[Math.floor(k / VECTORS_PER_FAQ)]!;
      vectorData.set(vector, (i * VECTORS_PER_FAQ + (k % VECTORS_PER_FAQ)) * dimension);
    });
  }
  const embeddedEntries = toEmbed.length;

  const rows = Array.from({ length: docs.length * VECTORS_PER_FAQ }, (_, r) => vectorData.subarray(r * dimension, (r + 1) * dimension));
  const vectors = buildHnswIndex(rows, dimension, hnswOptions);
  const bm25 = buildBm25Index(docs.map((d) => d.fields));
  const space = loadConceptSpace();
  const concepts = space === undefined ? undefined : embedFaqConcepts(docs, space, bm25);
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    pipeline: pipelineFingerprint(),
    botId: corpus.bot.id,
    createdAt: new Date().toISOString(),
    corpusHash: hashCorpus(corpus, entryHashes),
    entryCount: docs.length,
    vectorCount: rows.length,
    embedder: embedder.info,
    ...(options.embedder === undefined ? {} : { embedderConfig: options.embedder.config }),
    hnsw: hnswOptions,
    ...(space === undefined ? {} : { concepts: { fingerprint: space.fingerprint, dimension: space.dimension } }),
  };
  const index = assemble({
    bot: corpus.bot,
    entries: corpus.entries,
    manifest,
    bm25,
    vectors,
    embedder,
    entryHashes,
    vectorData,
    ...(concepts === undefined ? {} : { concepts }),
    location: '',
  });
  return { index, files: await serialise(index), manifest, stats: { added, changed, removed, embeddedEntries, refitted } };
}

/**
 * Loads the live index of a bot from `dataDir`, verifying every file.
 *
 * @example
 * const index = await loadIndex('./data', 'iam-smart');
 */
export async function loadIndex(dataDir: string, botId: string, options: LoadIndexOptions = {}): Promise<BotIndex> {
  const generation = await openCurrentGeneration(dataDir, botId);
  const dir = generation.dir;
  const manifest = generation.manifest as unknown as IndexManifest;
  if (manifest.format !== INDEX_FORMAT) {
    throw new GovchatError('INDEX_CORRUPT', `index format ${String(manifest.format)} is not ${INDEX_FORMAT}; run "govchat ingest" to rebuild`, {
      file: join(dir, 'manifest.json'),
    });
  }
  const json = async <T>(file: string): Promise<T> => {
    const bytes = await generation.read(file);
    try {
      return JSON.parse(bytes.toString('utf8')) as T;
    } catch (cause) {
      throw new GovchatError('INDEX_CORRUPT', 'not valid JSON; run "govchat ingest" to rebuild', { file: join(dir, file), cause });
    }
  };
  const corpus = await json<{ bot: BotConfig; entries: FaqEntry[]; entryHashes: string[] }>('corpus.json');
  let embedder: TextEmbedder;
  if (manifest.embedderConfig === undefined) {
    const modelMeta = await json<Omit<CooccurrenceModel, 'idf' | 'vectors'> & { idf: number[] }>('model.json');
    const model: CooccurrenceModel = {
      ...modelMeta,
      idf: Float32Array.from(modelMeta.idf),
      vectors: toFloat32(await generation.read('model.f32')),
    };
    embedder = createCooccurrenceEmbedder(model);
    if (embedder.info.fingerprint !== manifest.embedder.fingerprint) {
      throw new GovchatError('INDEX_CORRUPT', 'embedder model does not match the manifest; run "govchat ingest" to rebuild', {
        file: join(dir, 'model.f32'),
      });
    }
  } else {
    const env = options.env ?? process.env;
    const loaded = await loadConfiguredEmbedder({
      kind: 'transformer',
      options: { ...manifest.embedderConfig, modelsDir: env.MODELS_DIR?.trim() || 'models', allowRemote: false },
    });
    embedder = loaded!;
    // The same model id could hold other weights by now: queries must embed exactly as the index did.
    assertSameEmbedder(manifest.embedder, embedder.info, join(dir, 'manifest.json'));
  }
  await generation.read('hnsw.bin'); // checksum first: hnswlib would read a truncated file without complaint
  const vectors = loadHnswIndex(join(dir, 'hnsw.bin'), manifest.embedder.dimension, manifest.vectorCount, manifest.hnsw);
  const bm25 = loadBm25Index(await json<SerializedBm25>('bm25.json'));
  const vectorData = toFloat32(await generation.read('vectors.f32'));
  let concepts: Int8Array | undefined;
  if (manifest.concepts !== undefined) {
    const bytes = await generation.read('concepts.i8');
    if (bytes.byteLength !== corpus.entries.length * CONCEPT_ROWS_PER_FAQ * manifest.concepts.dimension) {
      throw new GovchatError('INDEX_CORRUPT', 'concept vectors do not match the entries; run "govchat ingest" to rebuild', { file: join(dir, 'concepts.i8') });
    }
    concepts = new Int8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  const calibration = options.calibration === false ? undefined : calibrationOfIndex(dataDir, await readCalibration(dataDir), manifest);
  return assemble({
    ...corpus,
    manifest,
    bm25,
    vectors,
    embedder,
    vectorData,
    ...(concepts === undefined ? {} : { concepts }),
    location: dir,
    ...(calibration === undefined ? {} : { calibration }),
  });
}

export interface LoadIndexOptions {
  /** Where MODELS_DIR comes from for transformer indexes (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Read the data dir's calibration.json (default true). `govchat calibrate` loads without it
   * when the file is malformed, since it is about to replace it.
   */
  readonly calibration?: boolean;
}

function sameInfo(a: EmbedderInfo, b: EmbedderInfo): boolean {
  return a.name === b.name && a.version === b.version && a.dimension === b.dimension && a.fingerprint === b.fingerprint;
}

function assemble(parts: Omit<BotIndex, 'entryById'>): BotIndex {
  const byId = new Map(parts.entries.map((e) => [e.id, e]));
  return { ...parts, entryById: (id) => byId.get(id) };
}

async function serialise(index: BotIndex): Promise<GenerationFiles> {
  const { mkdtemp, readFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  // hnswlib only writes to a path: write to a private temp file and take its bytes.
  const tmp = await mkdtemp(join(tmpdir(), 'govchat-hnsw-'));
  let hnsw: Buffer;
  try {
    await index.vectors.save(join(tmp, 'hnsw.bin'));
    hnsw = await readFile(join(tmp, 'hnsw.bin'));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  // The built-in embedder's fitted model is part of the index; a transformer's lives in MODELS_DIR.
  const model = isCooccurrenceEmbedder(index.embedder) ? index.embedder.model : undefined;
  return new Map<string, Uint8Array | string>([
    ['corpus.json', JSON.stringify({ bot: index.bot, entries: index.entries, entryHashes: index.entryHashes })],
    ...(model === undefined
      ? []
      : ([
          ['model.json', JSON.stringify({ options: model.options, docCount: model.docCount, terms: model.terms, idf: Array.from(model.idf) })],
          ['model.f32', bytesOf(model.vectors)],
        ] as Array<[string, Uint8Array | string]>)),
    ['vectors.f32', bytesOf(index.vectorData)],
    ['bm25.json', JSON.stringify(index.bm25.toJSON())],
    ['hnsw.bin', hnsw],
    ...(index.concepts === undefined ? [] : ([['concepts.i8', new Uint8Array(index.concepts.buffer, index.concepts.byteOffset, index.concepts.byteLength)]] as Array<[string, Uint8Array]>)),
  ]);
}

function weighted(bag: ReadonlyMap<string, number>): Array<{ term: string; weight: number }> {
  return [...bag].map(([term, weight]) => ({ term, weight: 1 + Math.log(Math.max(weight, 1)) }));
}

/** The question's terms, then each alternate's term added to the question's weight (in that order). */
function mergeAlternates(
  question: ReadonlyMap<string, number> | undefined,
  alternates: ReadonlyMap<string, number> | undefined,
): Map<string, number> {
  const merged = new Map(question);
  if (alternates !== undefined) for (const [t, w] of alternates) merged.set(t, (question?.get(t) ?? 0) + w);
  return merged;
}

function bytesOf(array: Float32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function toFloat32(bytes: Buffer): Float32Array {
  // Copy: a Buffer from readFile may sit at an offset that is not 4-byte aligned.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
