// govchat benchmarks (issue 7): `npm run bench` (1k, 10k, 100k) or `npm run bench -- --quick`
// (1k and 10k, under 5 minutes). Runs on the built packages (dist/): the npm script builds first.
// Prints every figure beside its target and writes bench/results/<YYYY-MM-DD>.json. Never fails
// on a figure: targets are reported PASS/MISS and the exit code is 0 unless the runner itself breaks.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runChild } from './src/child-runner.mjs';
import { formatReport } from './src/format-table.mjs';
import { gitInfo, machineInfo } from './src/machine-info.mjs';
import { measureService } from './src/service-bench.mjs';
import { resultsPath, writeResults } from './src/results-file.mjs';
import { formatSize } from './src/synthetic-corpus.mjs';
import { evaluateAll } from './src/targets.mjs';
import { assembleResults } from './src/assemble-results.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = dirname(here);

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    queries: { type: 'string' },
    sizes: { type: 'string' }, // e.g. "1k,10k": for working on the benchmark itself
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench [-- --quick] [-- --queries N] [-- --sizes 1k,10k] [-- --out FILE]');
  process.exit(0);
}

const mode = values.quick ? 'quick' : 'full';
const plan = {
  sizes: values.sizes?.split(',').map((s) => Number(s.replace(/k$/i, '000'))) ?? (values.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]),
  // Quick measures HNSW recall and speed-up at 10k; the target is at 100k (full run).
  hnswSize: values.quick ? 10_000 : 100_000,
  queries: Number(values.queries ?? 300),
  loopBudgetMs: values.quick ? 20_000 : 60_000,
  hnswBudgetMs: values.quick ? 60_000 : 8 * 60_000,
  // Hard bounds per size (the child is killed past them): ingest cannot be cut short otherwise.
  timeoutMs: { 1000: 4 * 60_000, 10_000: values.quick ? 4 * 60_000 : 8 * 60_000, 100_000: 30 * 60_000 },
};
const cacheDir = join(here, '.cache');
await mkdir(cacheDir, { recursive: true });
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

const started = new Date();
const machine = machineInfo();
const perSize = {};
const errors = [];
for (const size of plan.sizes) {
  const label = formatSize(size);
  const worker = await runChild(
    join(here, 'src', 'size-worker.mjs'),
    [
      JSON.stringify({
        size,
        queries: plan.queries,
        hnsw: size === plan.hnswSize ? 'sweep' : 'defaults',
        cacheDir,
        loopBudgetMs: plan.loopBudgetMs,
        hnswBudgetMs: plan.hnswBudgetMs,
      }),
    ],
    { timeoutMs: plan.timeoutMs[size] ?? 30 * 60_000, execArgv: ['--max-old-space-size=12288'] },
  );
  if (worker.error !== undefined) {
    log(`${label}: ${worker.error}`);
    errors.push({ size: label, message: worker.error });
    continue;
  }
  log(`${label}: measuring resident memory of the loaded index in a fresh process`);
  const memory = await runChild(join(here, 'src', 'memory-probe.mjs'), [worker.result.dataDir, worker.result.botId], {
    timeoutMs: 10 * 60_000,
    execArgv: ['--expose-gc', '--max-old-space-size=12288'],
    ipc: false,
  });
  if (memory.error !== undefined) errors.push({ size: label, message: `memory probe: ${memory.error}` });
  perSize[label] = { ...worker.result, memory: memory.result ?? null };
}

const tenK = perSize['10k'];
const service = await measureService({
  dataDir: tenK?.dataDir ?? join(cacheDir, 'data'),
  botId: tenK?.botId ?? 'synthetic-10k',
  queriesFile: tenK?.queriesFile ?? join(cacheDir, 'queries-10k.json'),
  budgetMs: 5 * 60_000,
  log,
});

const results = assembleResults({
  mode,
  plan,
  started,
  machine: { ...machine, loadAverageEnd: machineInfo().loadAverage },
  git: gitInfo(repo),
  perSize,
  service,
  errors,
});
results.targets = evaluateAll(results);

console.log(formatReport(results));
const out = values.out ?? resultsPath(join(here, 'results'), results.date, mode);
await writeResults(out, results);
console.log(`\nresults written to ${out}`);
