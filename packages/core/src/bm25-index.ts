import type { QueryTerm } from './expand-query.js';

/**
 * BM25F over an FAQ's fields: each field's term counts are length-normalised on their own and
 * weighted before saturation, so a long answer cannot drown a short question.
 */
export type FieldName = 'question' | 'alternates' | 'answer' | 'category';

export interface Bm25Options {
  readonly k1: number;
  readonly b: number;
  readonly fieldWeights: Readonly<Record<FieldName, number>>;
}

export const DEFAULT_BM25_OPTIONS: Bm25Options = {
  k1: 1.2,
  b: 0.75,
  // The answer matters less than the question: it mentions neighbouring topics in passing.
  fieldWeights: { question: 1, alternates: 0.9, answer: 0.35, category: 0.3 },
};

export type Bm25Document = Partial<Record<FieldName, ReadonlyMap<string, number>>>;

export interface Bm25Hit {
  readonly doc: number;
  readonly score: number;
}

export interface SerializedBm25 {
  readonly version: 1;
  readonly docCount: number;
  readonly idf: Record<string, number>;
  /** term → flat [doc, contribution, doc, contribution, …], doc ascending. */
  readonly postings: Record<string, number[]>;
}

export interface Bm25Index {
  readonly docCount: number;
  hasTerm(term: string): boolean;
  /** Every indexed term (for building auxiliary look-ups such as spelling repair). */
  terms(): IterableIterator<string>;
  /** Inverse document frequency; a term no document holds gets the highest value. */
  idf(term: string): number;
  /** Whether document `doc` holds `term`. */
  docHasTerm(doc: number, term: string): boolean;
  search(terms: readonly QueryTerm[], limit: number): Bm25Hit[];
  toJSON(): SerializedBm25;
}

/**
 * @example
 * const index = buildBm25Index([{ question: analyseText('How do I renew?').terms }]);
 * index.search(expandQuery(analyseText('renewal'), index.hasTerm), 5);
 */
export function buildBm25Index(docs: readonly Bm25Document[], options: Bm25Options = DEFAULT_BM25_OPTIONS): Bm25Index {
  const fields = Object.keys(options.fieldWeights) as FieldName[];
  // Length is normalised per field *and script*: an FAQ's question field holds its English and its
  // Chinese question, and Chinese yields many more terms (words, bigrams, characters), so one
  // shared length would let a long Chinese wording drown the English one and vice versa.
  const lengths = docs.map((doc) => fields.map((f) => lengthsByScript(doc[f])));
  const avgLength = fields.map((_, fi) =>
    SCRIPTS.map((_, si) => Math.max(lengths.reduce((sum, l) => sum + l[fi]![si]!, 0) / Math.max(docs.length, 1), 1e-9)),
  );

  // term → flat [doc, pseudo term frequency, doc, …], doc ascending: the postings' layout, so each
  // list becomes its term's postings in place (one array per term, not one per posting).
  const pseudoTf = new Map<string, number[]>();
  docs.forEach((doc, docIndex) => {
    const perTerm = new Map<string, number>();
    fields.forEach((field, fi) => {
      const bag = doc[field];
      if (bag === undefined) return;
      const norms = SCRIPTS.map((_, si) => 1 - options.b + (options.b * lengths[docIndex]![fi]![si]!) / avgLength[fi]![si]!);
      for (const [term, tf] of bag) perTerm.set(term, (perTerm.get(term) ?? 0) + (options.fieldWeights[field] * tf) / norms[scriptOf(term)]!);
    });
    for (const [term, tf] of perTerm) {
      let list = pseudoTf.get(term);
      if (list === undefined) pseudoTf.set(term, (list = []));
      list.push(docIndex, tf);
    }
  });

  const idf: Record<string, number> = Object.create(null);
  const postings: Record<string, number[]> = Object.create(null);
  for (const [term, list] of pseudoTf) {
    const termIdf = idfOf(docs.length, list.length / 2);
    idf[term] = termIdf;
    for (let k = 1; k < list.length; k += 2) list[k] = round((termIdf * list[k]!) / (options.k1 + list[k]!));
    postings[term] = list;
  }
  return createIndex({ version: 1, docCount: docs.length, idf, postings });
}

/** Restores an index written by `toJSON()`. */
export function loadBm25Index(data: SerializedBm25): Bm25Index {
  if (data.version !== 1) throw new Error(`unsupported BM25 index version ${String(data.version)}`);
  return createIndex(data);
}

function createIndex(data: SerializedBm25): Bm25Index {
  const idf = new Map(Object.entries(data.idf));
  const postings = new Map(Object.entries(data.postings));
  const unseenIdf = idfOf(data.docCount, 0);
  return {
    docCount: data.docCount,
    hasTerm: (term) => idf.has(term),
    terms: () => idf.keys(),
    idf: (term) => idf.get(term) ?? unseenIdf,
    docHasTerm(doc, term) {
      const list = postings.get(term);
      if (list === undefined) return false;
      let lo = 0;
      let hi = list.length / 2 - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const value = list[mid * 2]!;
        if (value === doc) return true;
        if (value < doc) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
    search(terms, limit) {
      // A dense accumulator: Chinese characters and bigrams have long posting lists, and a typed
      // array adds them an order of magnitude faster than a Map.
      const scores = new Float64Array(data.docCount);
      const seen = new Uint8Array(data.docCount);
      const touched: number[] = [];
      for (const { term, weight } of terms) {
        const list = postings.get(term);
        if (list === undefined) continue;
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i]!;
          if (seen[doc] === 0) {
            seen[doc] = 1;
            touched.push(doc);
          }
          scores[doc]! += weight * list[i + 1]!;
        }
      }
      return topK(touched, scores, limit);
    },
    toJSON: () => data,
  };
}

/** The `limit` best documents, best first, without sorting every touched one. */
function topK(docs: readonly number[], scores: Float64Array, limit: number): Bm25Hit[] {
  const better = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  const top: number[] = []; // kept sorted best first
  for (const doc of docs) {
    if (scores[doc]! <= 0) continue;
    if (top.length === limit && !better(doc, top[top.length - 1]!)) continue;
    let at = top.length === limit ? top.length - 1 : top.length;
    while (at > 0 && better(doc, top[at - 1]!)) {
      if (at < limit) top[at] = top[at - 1]!;
      at--;
    }
    top[at] = doc;
    if (top.length > limit) top.length = limit;
  }
  return top.map((doc) => ({ doc, score: scores[doc]! }));
}

function idfOf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** Script groups that are length-normalised apart: Han, Latin and digits, other (intent terms). */
const SCRIPTS = ['han', 'latin', 'other'] as const;
const HAN_START = /^\p{Script=Han}/u;
const LATIN_START = /^[a-z0-9]/;

function scriptOf(term: string): number {
  return HAN_START.test(term) ? 0 : LATIN_START.test(term) ? 1 : 2;
}

function lengthsByScript(bag: ReadonlyMap<string, number> | undefined): number[] {
  const out = SCRIPTS.map(() => 0);
  if (bag !== undefined) for (const [term, w] of bag) out[scriptOf(term)]! += w;
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
