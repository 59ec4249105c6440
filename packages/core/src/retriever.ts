import type { FaqEntry } from './corpus-schema.js';

/** What a citizen asked, with the earlier user turns of the same conversation. */
export interface RetrievalQuery {
  readonly text: string;
  /** Earlier user turns, oldest first. */
  readonly history?: readonly string[];
}

export interface RetrievalSignals {
  /** BM25F score of the entry. */
  readonly bm25: number;
  /** Best cosine similarity of the query to the entry's vectors. */
  readonly dense: number;
  /** Share of the query's informative terms (IDF-weighted) the entry holds, 0–1. */
  readonly coverage: number;
}

export interface RetrievalHit {
  readonly entry: FaqEntry;
  /** Ranking score (higher is better; comparable within one result only). */
  readonly score: number;
  readonly signals: RetrievalSignals;
}

export interface RetrievalResult {
  /** Best first. */
  readonly hits: readonly RetrievalHit[];
  /** How sure the retriever is that hits[0] answers the question, 0–1 (calibrated on data). */
  readonly confidence: number;
  /** True when earlier turns were used to understand an elliptical follow-up. */
  readonly usedHistory: boolean;
  /** The signals behind `confidence`, for calibration and debugging (retriever-specific). */
  readonly features?: Readonly<Record<string, number>>;
}

export interface RetrieveOptions {
  /** How many hits to return (default 5). */
  readonly limit?: number;
}

/**
 * Finds the FAQs that answer a question. Every implementation passes `runRetrieverContract`.
 *
 * @example
 * const result = await retriever.retrieve({ text: '點樣登記智方便' });
 * result.hits[0]?.entry.id // 'register-in-person'
 */
export interface Retriever {
  readonly name: string;
  /** The confidence below which this retriever's best hit should not be trusted (calibrated on data). */
  readonly abstainBelow?: number;
  retrieve(query: RetrievalQuery, options?: RetrieveOptions): Promise<RetrievalResult>;
}
