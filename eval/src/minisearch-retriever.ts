import MiniSearch from 'minisearch';
import type { FaqEntry, RetrievalHit, RetrievalQuery, RetrievalResult, Retriever, RetrieveOptions } from '@govchat/core';

/** One FAQ flattened the way a developer would hand it to MiniSearch. */
interface FaqDocument {
  readonly id: string;
  readonly question: string;
  readonly alternates: string;
  readonly answer: string;
}

/**
 * The baseline a developer gets by reaching for MiniSearch and configuring it as its README
 * suggests: both languages' questions, the alternates and the answers as fields, questions
 * boosted, fuzzy and prefix matching on, the default tokenizer. Nothing Chinese-aware, no
 * history: that is what the comparison is meant to show. It returns every match, so it only
 * abstains when nothing matches at all (confidence 1 when something does, 0 when nothing does).
 *
 * @example
 * const engine = createBotEngine(index, { retriever: createMiniSearchRetriever(index) });
 * (await engine.ask({ text: 'Does iAM Smart cost anything?' })).sources[0]?.id // 'fees'
 */
export function createMiniSearchRetriever(index: { readonly entries: readonly FaqEntry[] }): Retriever {
  const search = new MiniSearch<FaqDocument>({
    fields: ['question', 'alternates', 'answer'],
    storeFields: ['question', 'answer'],
    searchOptions: { boost: { question: 2 }, fuzzy: 0.2, prefix: true },
  });
  search.addAll(index.entries.map(toDocument));
  const byId = new Map(index.entries.map((e) => [e.id, e]));
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

  return {
    name: 'minisearch',
    async retrieve(query: RetrievalQuery, options: RetrieveOptions = {}): Promise<RetrievalResult> {
      const limit = options.limit ?? 5;
      // Query terms as MiniSearch sees them, to report how much of the question a hit matched.
      const queryTerms = new Set(tokenize(query.text).map((t) => t.toLowerCase()).filter((t) => t !== ''));
      const hits: RetrievalHit[] = [];
      for (const result of search.search(query.text)) {
        if (hits.length >= limit) break;
        const entry = byId.get(String(result.id));
        if (entry === undefined) continue;
        const matched = new Set(result.queryTerms).size;
        hits.push({
          entry,
          score: result.score,
          signals: { bm25: result.score, dense: 0, coverage: queryTerms.size === 0 ? 0 : Math.min(1, matched / queryTerms.size) },
        });
      }
      return { hits, confidence: hits.length > 0 ? 1 : 0, usedHistory: false };
    },
  };
}

function toDocument(entry: FaqEntry): FaqDocument {
  const join = (...parts: (string | undefined)[]): string => parts.filter((p) => p !== undefined).join('\n');
  return {
    id: entry.id,
    question: join(entry.question.en, entry.question['zh-HK']),
    alternates: join(...(entry.alternates?.en ?? []), ...(entry.alternates?.['zh-HK'] ?? [])),
    answer: join(entry.answer.en, entry.answer['zh-HK']),
  };
}
