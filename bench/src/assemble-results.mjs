import { formatSize } from './synthetic-corpus.mjs';

/**
 * The results file. The keys the issue fixes come first and keep their shape whatever was
 * measured (a skipped or failed figure is null, never absent), so dashboards and later parts
 * read every file the same way:
 *
 *   retrieval.{1k,10k,100k}.{p50Ms,p95Ms}   hybrid retriever, per query
 *   hnsw.{recallAt10,speedup}               core defaults, at hnsw.atEntries (100k; 10k with --quick)
 *   ingest.entriesPerSec                    at 10k entries (both modes), built-in embedder
 *   service.{c1,c50,c500}.{firstDeltaP95Ms,endP95Ms,errors}   part 2
 *   idle.{connections,rssMB}                part 2
 *   baseline.{name,p95Ms}                   MiniSearch at 10k, same queries and run
 *
 * Everything else is detail: per-size breakdowns, the HNSW sweep, the machine and commit.
 */
export const ALL_SIZES = [1_000, 10_000, 100_000];
/** Size at which the single-figure ingest, memory and baseline keys are taken. */
const HEADLINE_SIZE = '10k';

export function assembleResults({ mode, plan, started, machine, git, perSize, service, errors }) {
  const finished = new Date();
  const labels = ALL_SIZES.map(formatSize);
  const skipped = (label) => {
    if (plan.sizes.map(formatSize).includes(label)) return 'failed';
    return mode === 'quick' && label === '100k' ? 'not run (--quick)' : 'not run (not selected)';
  };
  const each = (read) => Object.fromEntries(labels.filter((l) => perSize[l] !== undefined).map((l) => [l, read(perSize[l])]));

  const retrieval = Object.fromEntries(
    labels.map((label) => {
      const r = perSize[label];
      if (r === undefined) return [label, { p50Ms: null, p95Ms: null, skipped: skipped(label) }];
      return [label, { ...r.retrieval, ask: r.ask, loadSeconds: r.loadSeconds, queries: r.queries }];
    }),
  );

  const headlineHnsw = perSize[formatSize(plan.hnswSize)]?.hnsw;
  const hnsw = {
    recallAt10: headlineHnsw?.defaults.recallAt10 ?? null,
    speedup: headlineHnsw?.defaults.speedup ?? null,
    atEntries: headlineHnsw === undefined ? null : plan.hnswSize,
    ...(headlineHnsw === undefined
      ? {}
      : {
          vectors: headlineHnsw.vectors,
          queries: headlineHnsw.queries,
          dimension: headlineHnsw.dimension,
          defaults: headlineHnsw.defaults,
          bruteForce: headlineHnsw.bruteForce,
          sweep: headlineHnsw.sweep,
          mSweep: headlineHnsw.mSweep,
          recommended: headlineHnsw.recommended,
          recallTarget: 0.98,
          note: 'the hybrid retriever searches k=60 (30 candidates × 2 vectors per FAQ), so its effective ef is max(efSearch, 60)',
        }),
    bySize: each((r) => ({ ...r.hnsw.defaults, bruteForce: r.hnsw.bruteForce })),
  };

  const ingestBySize = each((r) => {
    const { generation, ...rest } = r.ingest;
    return rest;
  });
  // Per 10k entries as the slope between consecutive sizes: a loaded index has a fixed part
  // (the embedder model, maps) that a plain ratio at 1k would blow up tenfold.
  const memoryBySize = {};
  let previous;
  for (const label of labels) {
    const memory = perSize[label]?.memory;
    if (memory === undefined) continue;
    if (memory === null) {
      memoryBySize[label] = null;
      continue;
    }
    const slope =
      previous === undefined ? null : Math.round(((memory.rssDeltaMB - previous.rssDeltaMB) / ((memory.entries - previous.entries) / 10_000)) * 10) / 10;
    memoryBySize[label] = { ...memory, rssMBPer10k: slope, ...(previous === undefined ? {} : { slopeFrom: formatSize(previous.entries) }) };
    previous = memory;
  }
  const largestMemory = Object.values(memoryBySize).filter((m) => m?.rssMBPer10k !== null && m?.rssMBPer10k !== undefined).pop();
  const baselineBySize = each((r) => r.baseline);

  return {
    schema: 1,
    mode,
    date: started.toISOString().slice(0, 10),
    startedAt: started.toISOString(),
    durationSeconds: Math.round((finished - started) / 1000),
    retrieval,
    hnsw,
    ingest: { entriesPerSec: ingestBySize[HEADLINE_SIZE]?.entriesPerSec ?? null, atEntries: 10_000, bySize: ingestBySize },
    memory: {
      rssMBPer10k: largestMemory?.rssMBPer10k ?? null,
      between: largestMemory === undefined ? null : `${largestMemory.slopeFrom}–${formatSize(largestMemory.entries)}`,
      bySize: memoryBySize,
    },
    service: service.service,
    idle: service.idle,
    serviceStatus: { status: service.status, ...(service.reason === undefined ? {} : { reason: service.reason }) },
    baseline: {
      name: baselineBySize[HEADLINE_SIZE]?.name ?? 'minisearch',
      p95Ms: baselineBySize[HEADLINE_SIZE]?.p95Ms ?? null,
      atEntries: 10_000,
      config: { fields: ['question', 'answer'], searchOptions: { boost: { question: 2 }, fuzzy: 0.2, prefix: true } },
      bySize: baselineBySize,
    },
    corpus: {
      generator: 'bench/src/synthetic-corpus.mjs',
      queriesPerSize: plan.queries,
      queryLanguages: 'en 40%, zh-HK 40%, zh-Hans 20%',
    },
    machine,
    git,
    errors,
  };
}
