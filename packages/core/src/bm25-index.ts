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
  const avgLength = Object.fromEntries(
    fields.map((f) => {
      const total = docs.reduce((sum, d) => sum + sumWeights(d[f]), 0);
      return [f, Math.max(total / Math.max(docs.length, 1), 1e-9)];
    }),
  ) as Record<FieldName, number>;

  const pseudoTf = new Map<string, Array<[number, number]>>();
  docs.forEach((doc, docIndex) => {
    const perTerm = new Map<string, number>();
    for (const field of fields) {
      const bag = doc[field];
      if (bag === undefined) continue;
      const norm = 1 - options.b + (options.b * sumWeights(bag)) / avgLength[field];
      for (const [term, tf] of bag) perTerm.set(term, (perTerm.get(term) ?? 0) + (options.fieldWeights[field] * tf) / norm);
    }
    for (const [term, tf] of perTerm) {
      let list = pseudoTf.get(term);
      if (list === undefined) pseudoTf.set(term, (list = []));
      list.push([docIndex, tf]);
    }
  });

  const idf: Record<string, number> = Object.create(null);
  const postings: Record<string, number[]> = Object.create(null);
  for (const [term, list] of pseudoTf) {
    idf[term] = idfOf(docs.length, list.length);
    postings[term] = list.flatMap(([doc, tf]) => [doc, round((idf[term]! * tf) / (options.k1 + tf))]);
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
      const scores = new Map<number, number>();
      for (const { term, weight } of terms) {
        const list = postings.get(term);
        if (list === undefined) continue;
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i]!;
          scores.set(doc, (scores.get(doc) ?? 0) + weight * list[i + 1]!);
        }
      }
      return [...scores]
        .map(([doc, score]) => ({ doc, score }))
        .sort((a, b) => b.score - a.score || a.doc - b.doc)
        .slice(0, limit);
    },
    toJSON: () => data,
  };
}

function idfOf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

function sumWeights(bag: ReadonlyMap<string, number> | undefined): number {
  let total = 0;
  if (bag !== undefined) for (const w of bag.values()) total += w;
  return total;
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
