/**
 * Timing helpers. Every measured loop is bounded twice — by a count and by a wall-clock budget —
 * so a slow build or a loaded machine makes a figure noisier, never makes the run hang.
 */

/** Nearest-rank percentile of unsorted samples (p in 0..100); null for no samples. */
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function mean(samples) {
  return samples.length === 0 ? null : samples.reduce((a, b) => a + b, 0) / samples.length;
}

/** Milliseconds, rounded to what a timer on a shared machine can honestly tell. */
export function roundMs(ms) {
  return ms === null || ms === undefined ? null : Math.round(ms * 1000) / 1000;
}

/**
 * Runs `fn(item, i)` over `items` (awaiting each), timing every call, after `warmup` untimed
 * calls: stops at the end of the items or when `budgetMs` is spent, whichever is first.
 *
 * @returns {{ samples: number[], results: any[], truncated: boolean }}
 */
export async function timeEach(items, fn, { warmup = 10, budgetMs = 60_000 } = {}) {
  for (let i = 0; i < Math.min(warmup, items.length); i++) await fn(items[i], i);
  const samples = [];
  const cpuSamples = [];
  const results = [];
  const deadline = performance.now() + budgetMs;
  let truncated = false;
  for (let i = 0; i < items.length; i++) {
    if (performance.now() > deadline) {
      truncated = true;
      break;
    }
    // CPU time of this process beside wall-clock time: it barely moves when neighbours load the
    // machine, so it is the figure to compare across noisy runs (it includes GC helper threads).
    const cpu = process.cpuUsage();
    const started = performance.now();
    results.push(await fn(items[i], i));
    samples.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuSamples.push((used.user + used.system) / 1000);
  }
  return { samples, cpuSamples, results, truncated };
}

/** Wall-clock p50/p95 (and mean), and the same in CPU time, in the results file's shape. */
export function summarise(samples, cpuSamples = []) {
  return {
    p50Ms: roundMs(percentile(samples, 50)),
    p95Ms: roundMs(percentile(samples, 95)),
    meanMs: roundMs(mean(samples)),
    cpuP50Ms: roundMs(percentile(cpuSamples, 50)),
    cpuP95Ms: roundMs(percentile(cpuSamples, 95)),
    samples: samples.length,
  };
}
