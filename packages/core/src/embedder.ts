import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { GovchatError } from './govchat-error.js';

/** What built an index's vectors; a query must be embedded by the same thing. */
export interface EmbedderInfo {
  readonly name: string;
  readonly version: string;
  readonly dimension: number;
  /** Identifies the exact model (weights, fitted vocabulary): two fits of one embedder differ. */
  readonly fingerprint: string;
}

/**
 * A LangChain `Embeddings` that says what it is, so the index can record it.
 *
 * @example
 * const embedder: TextEmbedder = createCooccurrenceEmbedder(model);
 * const vector = await embedder.embedQuery('如何登記智方便');
 */
export interface TextEmbedder extends EmbeddingsInterface<number[]> {
  readonly info: EmbedderInfo;
}

/** @example if (isTextEmbedder(value)) console.log(value.info.name) */
export function isTextEmbedder(value: unknown): value is TextEmbedder {
  const v = value as Partial<TextEmbedder> | null;
  return typeof v?.embedQuery === 'function' && typeof v.embedDocuments === 'function' && typeof v.info?.name === 'string';
}

/** Throws EMBEDDER_MISMATCH unless `query` is the embedder that built the index at `where`. */
export function assertSameEmbedder(index: EmbedderInfo, query: EmbedderInfo, where: string): void {
  const same =
    index.name === query.name &&
    index.version === query.version &&
    index.dimension === query.dimension &&
    index.fingerprint === query.fingerprint;
  if (!same) {
    throw new GovchatError(
      'EMBEDDER_MISMATCH',
      `index was built by ${describeEmbedder(index)} but the query embedder is ${describeEmbedder(query)}; re-ingest the corpus with the query embedder`,
      { file: where, details: { index: { ...index }, query: { ...query } } },
    );
  }
}

export function describeEmbedder(info: EmbedderInfo): string {
  return `${info.name}@${info.version} (${info.dimension}d, ${info.fingerprint.slice(0, 12)})`;
}
