import { createBotEngine, createHybridRetriever } from '@govchat/core';
import { summarise, timeEach } from './latency-stats.mjs';

/**
 * Per-query latency of the product's retriever (hybrid BM25 + HNSW, default options, limit 5),
 * one query at a time as a chat turn issues it, plus how often the expected FAQ came first or in
 * the top 5 — not a target here (eval/ owns accuracy), but a benchmark that got fast by returning
 * nonsense should show it.
 */
export async function benchHybridRetrieval(index, queries, { budgetMs }) {
  const retriever = createHybridRetriever(index, { mode: 'hybrid' });
  const { samples, results, truncated, cpuSamples } = await timeEach(queries, (q) => retriever.retrieve({ text: q.text }, { limit: 5 }), { budgetMs });
  return { ...summarise(samples, cpuSamples), ...accuracy(queries, results.map((r) => r.hits.map((h) => h.entry.id))), truncated };
}

/**
 * The whole answer path without the network: guardrails, retrieval, confidence, extractive
 * answer. The service benchmarks (part 2) add sockets and streaming on top of this figure.
 */
export async function benchAsk(index, queries, { budgetMs }) {
  const engine = createBotEngine(index);
  const { samples, truncated, cpuSamples } = await timeEach(queries, (q) => engine.ask({ text: q.text }), { budgetMs });
  return { ...summarise(samples, cpuSamples), truncated };
}

/** Share of queries whose expected id is first (hitAt1) or among the hits (hitAt5). */
export function accuracy(queries, rankedIds) {
  let first = 0;
  let top = 0;
  rankedIds.forEach((ids, i) => {
    const expected = queries[i].expectedId;
    if (ids[0] === expected) first++;
    if (ids.slice(0, 5).includes(expected)) top++;
  });
  const n = rankedIds.length || 1;
  return { hitAt1: Math.round((first / n) * 1000) / 1000, hitAt5: Math.round((top / n) * 1000) / 1000 };
}
