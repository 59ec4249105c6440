import MiniSearch from 'minisearch';
import { summarise, timeEach } from './latency-stats.mjs';
import { accuracy } from './retrieval-bench.mjs';

/** The baseline's name in the results file. */
export const BASELINE_NAME = 'minisearch';

/**
 * MiniSearch configured as a developer would from its README: question and answer fields (both
 * languages; alternates are more questions), questions boosted, fuzzy and prefix matching, the
 * default tokenizer. Same queries, same machine, same run as the hybrid retriever.
 */
export async function benchMiniSearch(entries, queries, { budgetMs }) {
  const started = performance.now();
  const search = new MiniSearch({
    fields: ['question', 'answer'],
    searchOptions: { boost: { question: 2 }, fuzzy: 0.2, prefix: true },
  });
  search.addAll(entries.map(toDocument));
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  const { samples, results, truncated, cpuSamples } = await timeEach(queries, async (q) => search.search(q.text).slice(0, 5).map((r) => r.id), { budgetMs });
  return { name: BASELINE_NAME, ...summarise(samples, cpuSamples), ...accuracy(queries, results), buildSeconds, truncated };
}

function toDocument(entry) {
  const join = (parts) => parts.filter((p) => p !== undefined).join('\n');
  return {
    id: entry.id,
    question: join([entry.question.en, entry.question['zh-HK'], ...(entry.alternates?.en ?? []), ...(entry.alternates?.['zh-HK'] ?? [])]),
    answer: join([entry.answer.en, entry.answer['zh-HK']]),
  };
}
