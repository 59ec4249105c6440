import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildHnswIndex, loadHnswIndex } from '@govchat/core';
import { createNativeBruteForce, exactTopK, recallAtK } from './exact-search.mjs';
import { mean, percentile, roundMs } from './latency-stats.mjs';

/**
 * HNSW against exact search over the same vectors (`index.vectorData`) and the same query
 * vectors (the query set embedded as the retriever embeds it): recall@10 and speed-up, for
 * core's defaults and, at the headline size, for a sweep of `efSearch` (no rebuild: the saved
 * graph is reloaded with each value) and, when the defaults miss the target, of `M` (rebuilds).
 */

export const RECALL_TARGET = 0.98;
export const SPEEDUP_TARGET = 10;
const K = 10;
/** What the hybrid retriever asks the graph for: 30 candidates × 2 vectors per FAQ. */
const RETRIEVER_K = 60;
const EF_SWEEP = [10, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512];
const M_SWEEP = [24, 32];
/**
 * Timed passes over the query set, in CPU time of this process, the fastest kept. The searches
 * are synchronous on this thread, so CPU time is their cost; wall-clock time on this shared
 * 2-core machine mostly measured the neighbours (ef=96 read anywhere from 0.2 to 0.5 ms).
 * At least MIN_PASSES, more while under PASS_BUDGET_MS, never more than MAX_PASSES.
 */
const MIN_PASSES = 5;
const MAX_PASSES = 25;
const PASS_BUDGET_MS = 1500;

/**
 * @param {{ index: object, hnswPath: string, queryVectors: number[][], sweep: boolean, scratchDir: string, budgetMs: number, log: (s: string) => void }} options
 */
export async function benchHnsw({ index, hnswPath, queryVectors, sweep, scratchDir, budgetMs, log }) {
  const deadline = performance.now() + budgetMs;
  const dimension = index.manifest.embedder.dimension;
  const size = index.manifest.vectorCount;
  const defaults = index.manifest.hnsw;

  log(`exact top-${RETRIEVER_K} for ${queryVectors.length} queries over ${size} vectors (JS)`);
  const jsCpu = process.cpuUsage();
  // One exact pass at the deeper k: its first K rows are the exact top-K.
  const deepTruths = queryVectors.map((q) => exactTopK(index.vectorData, dimension, q, RETRIEVER_K));
  const jsUsed = process.cpuUsage(jsCpu);
  const jsMeanMs = (jsUsed.user + jsUsed.system) / 1000 / queryVectors.length;
  const truths = deepTruths.map((t) => ({ labels: t.labels.subarray(0, K), sims: t.sims.subarray(0, K) }));

  log('native brute force (hnswlib BruteforceSearch)');
  const native = createNativeBruteForce(index.vectorData, dimension);
  const nativeMeanMs = timePasses(queryVectors, (q) => native.search(q, K));

  const measure = (vectorIndex, options) => {
    const found = queryVectors.map((q) => vectorIndex.search(q, K));
    const recalls = found.map((hits, i) => recallAtK(truths[i], hits, K));
    const meanMs = timePasses(queryVectors, (q) => vectorIndex.search(q, K));
    return {
      m: options.m,
      efConstruction: options.efConstruction,
      efSearch: options.efSearch,
      recallAt10: round4(mean(recalls)),
      worstRecallAt10: round4(Math.min(...recalls)),
      p10RecallAt10: round4(percentile(recalls, 10)),
      cpuMsPerQuery: roundMs(meanMs),
      speedup: round1(nativeMeanMs / meanMs),
      speedupVsJs: round1(jsMeanMs / meanMs),
    };
  };

  const atDefaults = measure(index.vectors, defaults);
  // Recall at the depth the hybrid retriever really searches (ef is then max(efSearch, 60)).
  atDefaults.recallAt60 = round4(mean(queryVectors.map((q, i) => recallAtK(deepTruths[i], index.vectors.search(q, RETRIEVER_K), RETRIEVER_K))));
  log(`defaults M=${defaults.m} ef=${defaults.efSearch}: recall@10 ${atDefaults.recallAt10}, ${atDefaults.speedup}× brute force`);
  const result = {
    k: K,
    queries: queryVectors.length,
    vectors: size,
    dimension,
    bruteForce: { jsCpuMsPerQuery: roundMs(jsMeanMs), nativeCpuMsPerQuery: roundMs(nativeMeanMs) },
    timing: 'process CPU time per query, fastest of several passes over the query set',
    defaults: atDefaults,
    sweep: [],
    mSweep: [],
    recommended: null,
  };
  if (!sweep) return result;

  for (const efSearch of EF_SWEEP) {
    const options = { ...defaults, efSearch };
    result.sweep.push(measure(loadHnswIndex(hnswPath, dimension, size, options), options));
  }
  log(`efSearch sweep: ${result.sweep.map((s) => `${s.efSearch}→${s.recallAt10}`).join(' ')}`);

  if (!reachesRecall(result.sweep)) {
    // Only when no efSearch reaches the recall: a larger M costs build time and memory for every ingest.
    for (const m of M_SWEEP) {
      if (performance.now() > deadline) {
        result.mSweep.push({ m, skipped: 'time budget spent' });
        continue;
      }
      log(`rebuilding the graph with M=${m} to see whether it reaches recall ${RECALL_TARGET}`);
      const rows = Array.from({ length: size }, (_, r) => index.vectorData.subarray(r * dimension, (r + 1) * dimension));
      const built = performance.now();
      const graph = buildHnswIndex(rows, dimension, { ...defaults, m });
      const buildSeconds = Math.round((performance.now() - built) / 100) / 10;
      await mkdir(scratchDir, { recursive: true });
      const path = join(scratchDir, `hnsw-m${m}.bin`);
      await graph.save(path);
      const points = EF_SWEEP.map((efSearch) => {
        const options = { ...defaults, m, efSearch };
        return measure(loadHnswIndex(path, dimension, size, options), options);
      });
      await rm(path, { force: true });
      result.mSweep.push({ m, buildSeconds, points });
      log(`M=${m} (build ${buildSeconds} s): ${points.map((s) => `${s.efSearch}→${s.recallAt10}`).join(' ')}`);
      if (reachesRecall(points)) break;
    }
  }
  result.recommended = recommend(result);
  return result;
}

function reachesRecall(points) {
  return points.some((p) => p.recallAt10 >= RECALL_TARGET);
}

/**
 * The cheapest setting whose recall meets the target, with one sweep step of margin on
 * efSearch: the query set is a sample, and a recall that just scrapes 0.98 here will dip below
 * it on other questions. Recall decides; the speed-up is then reported against its own target
 * (it depends on the corpus size: brute force over 20k vectors is already fast).
 */
function recommend(result) {
  const candidates = [{ m: result.defaults.m, points: result.sweep }, ...result.mSweep.filter((s) => s.points)];
  for (const { m, points } of candidates) {
    const first = points.findIndex((p) => p.recallAt10 >= RECALL_TARGET);
    if (first < 0) continue;
    const withMargin = points.slice(first + 1).find((p) => p.recallAt10 >= RECALL_TARGET) ?? points[first];
    return {
      m,
      efConstruction: withMargin.efConstruction,
      efSearch: withMargin.efSearch,
      minimalEfSearch: points[first].efSearch,
      recallAt10: withMargin.recallAt10,
      speedup: withMargin.speedup,
      meetsSpeedup: withMargin.speedup >= SPEEDUP_TARGET,
    };
  }
  return { m: null, efSearch: null, note: `no swept setting reached recall@10 ≥ ${RECALL_TARGET}` };
}

/** Mean CPU ms per query: the fastest of the timed passes over all queries. */
function timePasses(queries, search) {
  for (const q of queries.slice(0, 20)) search(q); // warm-up
  const passes = [];
  const started = performance.now();
  while (passes.length < MIN_PASSES || (passes.length < MAX_PASSES && performance.now() - started < PASS_BUDGET_MS)) {
    const cpu = process.cpuUsage();
    for (const q of queries) search(q);
    const used = process.cpuUsage(cpu);
    passes.push((used.user + used.system) / 1000 / queries.length);
  }
  return Math.min(...passes);
}

function round4(x) {
  return x === null ? null : Math.round(x * 10000) / 10000;
}

function round1(x) {
  return Math.round(x * 10) / 10;
}
