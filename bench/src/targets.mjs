/**
 * The targets, each read from the results object by path. A benchmark never fails on
 * one: the table prints PASS or MISS beside the figure and the run exits 0.
 */
export const TARGETS = [
  { path: 'retrieval.10k.p95Ms', label: 'hybrid retrieval p95 @10k', op: '<', value: 5, unit: 'ms' },
  { path: 'hnsw.recallAt10', label: 'HNSW recall@10 (defaults)', op: '>=', value: 0.98, unit: '', at: 'hnsw.atEntries', targetAt: 100_000 },
  { path: 'hnsw.speedup', label: 'HNSW speed-up vs brute force', op: '>=', value: 10, unit: '×', at: 'hnsw.atEntries', targetAt: 100_000 },
  { path: 'ingest.entriesPerSec', label: 'ingest throughput @10k', op: '>=', value: 500, unit: '/s' },
];

export function readPath(object, path) {
  return path.split('.').reduce((value, key) => (value === null || value === undefined ? undefined : value[key]), object);
}

/** PASS, MISS, or "not measured" for a null figure. */
export function evaluate(target, results) {
  const figure = readPath(results, target.path);
  if (figure === null || figure === undefined) return { ...target, figure: null, status: 'not measured' };
  const pass = target.op === '<' ? figure < target.value : figure >= target.value;
  const at = target.at === undefined ? undefined : readPath(results, target.at);
  // Measured at a smaller size than the target names (--quick): still judged, but flagged.
  const caveat = at !== undefined && target.targetAt !== undefined && at < target.targetAt ? `measured at ${at / 1000}k, target is at ${target.targetAt / 1000}k` : undefined;
  return { ...target, figure, status: pass ? 'PASS' : 'MISS', ...(caveat === undefined ? {} : { caveat }) };
}

export function evaluateAll(results) {
  return TARGETS.map((t) => evaluate(t, results));
}
