import type { Bm25Index } from './bm25-index.js';
import type { ConceptSpace } from './concept-space.js';
import type { FaqDocument } from './faq-document.js';

/**
 * Each FAQ's concept vectors (see concept-space.ts), computed at ingest from the words the
 * analyser already found and stored with the index, so a query costs a few dot products per
 * candidate whatever the corpus size. Rows per FAQ, in order: question side and answer side with
 * the bot's IDF weighting (for ranking), then the same without it (for the confidence model).
 */
export const CONCEPT_ROWS_PER_FAQ = 4;

export type ConceptWeighting = 'idf' | 'plain';

/** Unit-vector components are in [-1, 1]: stored as int8 steps of 1/127. */
const STEP = 127;

/**
 * @example
 * const data = embedFaqConcepts(docs, loadConceptSpace()!, bm25); // Int8Array(docs × 4 × 384)
 */
export function embedFaqConcepts(docs: readonly FaqDocument[], space: ConceptSpace, bm25: Bm25Index): Int8Array {
  const dim = space.dimension;
  const out = new Int8Array(docs.length * CONCEPT_ROWS_PER_FAQ * dim);
  const idf = (key: string): number => bm25.idf(key);
  docs.forEach((doc, i) => {
    const [question, plainQuestion] = space.vectorsOf(doc.conceptWords.question, idf);
    const [answer, plainAnswer] = space.vectorsOf(doc.conceptWords.answer, idf);
    const rows = [question, answer, plainQuestion, plainAnswer];
    rows.forEach((vector, r) => {
      // A side with no known word stays all-zero: its cosine with anything is 0.
      if (vector === undefined) return;
      const base = (i * CONCEPT_ROWS_PER_FAQ + r) * dim;
      for (let k = 0; k < dim; k++) out[base + k] = Math.round(vector[k]! * STEP);
    });
  });
  return out;
}

/**
 * How close a question's concept vector is to an FAQ: its question side and answer side averaged
 * — the question says what the FAQ is about, the answer says it in more words. `idf` weighting
 * (words weighted by how much they tell this bot's FAQs apart) ranks; `plain` (general-language
 * informativeness only) tells an off-topic question better, since a word that is rare in this bot
 * is not what makes a question about the weather look like an FAQ.
 *
 * @example
 * const similarity = conceptScorer(index.concepts!, 384, 'idf');
 * similarity(space.vectorOf(analyseText('點樣剷咗個戶口'), (k) => index.bm25.idf(k))!, 3) // 0.41
 */
export function conceptScorer(data: Int8Array, dimension: number, weighting: ConceptWeighting): (query: Float32Array, doc: number) => number {
  const first = weighting === 'idf' ? 0 : 2;
  const cosine = (query: Float32Array, row: number): number => {
    const base = row * dimension;
    let dot = 0;
    for (let k = 0; k < dimension; k++) dot += query[k]! * data[base + k]!;
    return dot / STEP;
  };
  return (query, doc) => {
    const row = doc * CONCEPT_ROWS_PER_FAQ + first;
    return (cosine(query, row) + cosine(query, row + 1)) / 2;
  };
}
