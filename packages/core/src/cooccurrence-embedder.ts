import { createHash } from 'node:crypto';
import { Embeddings } from '@langchain/core/embeddings';
import { analyseText } from './analyse-text.js';
import type { EmbedderInfo, TextEmbedder } from './embedder.js';
import { expandQuery, type QueryTerm } from './expand-query.js';

/**
 * govchat's built-in embedder: needs no download and is made for bilingual FAQ matching.
 *
 * Each term's vector blends two parts:
 * - a hashed random direction of its own (so the embedding of a text is a random projection of
 *   its TF-IDF vector: shared words mean similar vectors), and
 * - a direction learned from the corpus by random indexing: every FAQ gets a random vector and
 *   a term moves towards the FAQs it occurs in. Terms that co-occur — including the English and
 *   Chinese wording of the same FAQ — end up close, so "renew" and 續期 meet.
 */
export const COOCCURRENCE_EMBEDDER_NAME = 'govchat-cooccurrence';
export const COOCCURRENCE_EMBEDDER_VERSION = '1';

export interface CooccurrenceOptions {
  readonly dimension: number;
  /** Share of the learned co-occurrence direction in a term's vector (0 = pure hashed TF-IDF). */
  readonly mix: number;
  readonly seed: number;
}

export const DEFAULT_COOCCURRENCE_OPTIONS: CooccurrenceOptions = { dimension: 256, mix: 0.6, seed: 20261127 };

/** The fitted state: saved beside the index so queries embed exactly as the documents did. */
export interface CooccurrenceModel {
  readonly options: CooccurrenceOptions;
  readonly docCount: number;
  readonly terms: readonly string[];
  readonly idf: Float32Array;
  /** terms.length × dimension, row-major, unit rows. */
  readonly vectors: Float32Array;
}

/**
 * Learns term vectors from documents given as weighted term bags (one bag per FAQ, all its text).
 *
 * @example
 * const model = fitCooccurrenceModel(faqs.map((f) => analyseText(f.question.en + f.question['zh-HK']).terms));
 */
export function fitCooccurrenceModel(
  docs: ReadonlyArray<ReadonlyMap<string, number>>,
  options: CooccurrenceOptions = DEFAULT_COOCCURRENCE_OPTIONS,
): CooccurrenceModel {
  const { dimension, seed } = options;
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df.keys()].sort();
  const row = new Map(terms.map((t, i) => [t, i]));
  const learned = new Float32Array(terms.length * dimension);
  const docVector = new Float32Array(dimension);
  docs.forEach((doc, d) => {
    gaussianInto(docVector, mulberry32(seed ^ Math.imul(d + 1, 0x9e3779b1)));
    for (const [term, weight] of doc) {
      const offset = row.get(term)! * dimension;
      const w = 1 + Math.log(weight > 1 ? weight : 1);
      addScaled(learned, offset, w, docVector, 0, dimension);
    }
  });
  const idf = new Float32Array(terms.length);
  const vectors = new Float32Array(terms.length * dimension);
  const own = new Float32Array(dimension);
  terms.forEach((term, i) => {
    idf[i] = idfOf(docs.length, df.get(term)!);
    const offset = i * dimension;
    const c = learned.subarray(offset, offset + dimension);
    normalise(c);
    hashedDirection(term, seed, own);
    const out = vectors.subarray(offset, offset + dimension);
    for (let k = 0; k < dimension; k++) out[k] = options.mix * c[k]! + (1 - options.mix) * own[k]!;
    normalise(out);
  });
  return { options, docCount: docs.length, terms, idf, vectors };
}

/** A short stable id of the model, recorded in the index manifest. */
export function fingerprintModel(model: CooccurrenceModel): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ options: model.options, docCount: model.docCount, terms: model.terms }));
  hash.update(Buffer.from(model.vectors.buffer, model.vectors.byteOffset, model.vectors.byteLength));
  return hash.digest('hex').slice(0, 16);
}

export interface CooccurrenceEmbedder extends TextEmbedder {
  readonly model: CooccurrenceModel;
  /** Whether the fitted vocabulary holds the term (used for query expansion). */
  hasTerm(term: string): boolean;
  /** Embeds already analysed (and possibly expanded) terms: lets the retriever analyse once. */
  embedTerms(terms: Iterable<Pick<QueryTerm, 'term' | 'weight'>>): number[];
  /**
   * embedTerms written into `out` (dimension long) instead of a new array: an ingest fills its
   * vector array in place rather than copying a number[] per FAQ side.
   */
  embedTermsInto(terms: Iterable<Pick<QueryTerm, 'term' | 'weight'>>, out: Float32Array): void;
}

class CooccurrenceEmbeddings extends Embeddings implements CooccurrenceEmbedder {
  readonly info: EmbedderInfo;
  readonly model: CooccurrenceModel;
  readonly #row: Map<string, number>;
  readonly #unseenIdf: number;

  constructor(model: CooccurrenceModel) {
    super({});
    this.model = model;
    this.#row = new Map(model.terms.map((t, i) => [t, i]));
    this.#unseenIdf = idfOf(model.docCount, 1);
    this.info = {
      name: COOCCURRENCE_EMBEDDER_NAME,
      version: COOCCURRENCE_EMBEDDER_VERSION,
      dimension: model.options.dimension,
      fingerprint: fingerprintModel(model),
    };
  }

  hasTerm = (term: string): boolean => this.#row.has(term);

  embedTerms(terms: Iterable<Pick<QueryTerm, 'term' | 'weight'>>): number[] {
    const sum = new Float32Array(this.model.options.dimension);
    this.embedTermsInto(terms, sum);
    return Array.from(sum);
  }

  embedTermsInto(terms: Iterable<Pick<QueryTerm, 'term' | 'weight'>>, out: Float32Array): void {
    const { dimension, seed } = this.model.options;
    const { vectors, idf } = this.model;
    out.fill(0);
    let scratch: Float32Array | undefined;
    for (const { term, weight } of terms) {
      const i = this.#row.get(term);
      if (i === undefined) {
        // Unknown to the fit (e.g. an entry added since): its own hashed direction still matches itself.
        scratch ??= new Float32Array(dimension);
        hashedDirection(term, seed, scratch);
        addScaled(out, 0, weight * this.#unseenIdf, scratch, 0, dimension);
      } else {
        // Indexing the model in place: a subarray view per term was most of the ingest's garbage.
        addScaled(out, 0, weight * idf[i]!, vectors, i * dimension, dimension);
      }
    }
    normalise(out);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((text) => this.embedTerms(toTerms(analyseText(text).terms)));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embedTerms(expandQuery(analyseText(document), this.hasTerm));
  }
}

/**
 * @example
 * const embedder = createCooccurrenceEmbedder(fitCooccurrenceModel(bags));
 * await embedder.embedQuery('點樣續期');
 */
export function createCooccurrenceEmbedder(model: CooccurrenceModel): CooccurrenceEmbedder {
  return new CooccurrenceEmbeddings(model);
}

/** @example if (isCooccurrenceEmbedder(e)) e.embedTerms(terms) */
export function isCooccurrenceEmbedder(value: unknown): value is CooccurrenceEmbedder {
  return value instanceof CooccurrenceEmbeddings;
}

function toTerms(bag: ReadonlyMap<string, number>): Array<{ term: string; weight: number }> {
  return [...bag].map(([term, weight]) => ({ term, weight: 1 + Math.log(weight > 1 ? weight : 1) }));
}

/**
 * target[at, at + n) += scale × source[from, from + n), four components a step: V8 does not
 * vectorise, and unrolled the ingest's fitting and embedding loops run about twice as fast. Each
 * component gets the same one addition as in a plain loop, so the results are exactly the same.
 */
function addScaled(target: Float32Array, at: number, scale: number, source: Float32Array, from: number, n: number): void {
  let k = 0;
  for (; k + 3 < n; k += 4) {
    target[at + k]! += scale * source[from + k]!;
    target[at + k + 1]! += scale * source[from + k + 1]!;
    target[at + k + 2]! += scale * source[from + k + 2]!;
    target[at + k + 3]! += scale * source[from + k + 3]!;
  }
  for (; k < n; k++) target[at + k]! += scale * source[from + k]!;
}

function idfOf(docCount: number, df: number): number {
  return Math.log(1 + docCount / df);
}

function normalise(v: Float32Array): void {
  let norm = 0;
  for (let k = 0; k < v.length; k++) norm += v[k]! * v[k]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let k = 0; k < v.length; k++) v[k]! /= norm;
}

function hashedDirection(term: string, seed: number, out: Float32Array): void {
  gaussianInto(out, mulberry32(fnv1a(term) ^ seed));
  normalise(out);
}

function gaussianInto(out: Float32Array, random: () => number): void {
  for (let k = 0; k < out.length; k += 2) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    out[k] = r * Math.cos(2 * Math.PI * v);
    if (k + 1 < out.length) out[k + 1] = r * Math.sin(2 * Math.PI * v);
  }
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
