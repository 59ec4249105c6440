// Child process: every figure for one corpus size, reported to the runner over IPC.
//   (forked by bench/run.mjs) size-worker.mjs '<json options>'
// One process per size, so a 100k build's heap does not slow or inflate the 1k figures, and a
// crash or a timeout loses one size, not the run.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadIndex, toSimplified } from '@govchat/core';
import { benchHnsw } from './hnsw-recall-bench.mjs';
import { benchIngest } from './ingest-bench.mjs';
import { benchMiniSearch } from './minisearch-baseline.mjs';
import { benchAsk, benchHybridRetrieval } from './retrieval-bench.mjs';
import { formatSize, makeSyntheticCorpus } from './synthetic-corpus.mjs';
import { makeQuerySet } from './synthetic-queries.mjs';
import { writeCorpusFolder } from './write-corpus.mjs';

/**
 * @typedef {{ size: number, queries: number, hnsw: 'defaults' | 'sweep', cacheDir: string, loopBudgetMs: number, hnswBudgetMs: number }} WorkerOptions
 */
const options = JSON.parse(process.argv[2] ?? '{}');
const label = formatSize(options.size);
const log = (message) => process.stderr.write(`[bench ${label}] ${message}\n`);

async function main() {
  log(`generating ${options.size} synthetic FAQs`);
  const { corpus, plans } = makeSyntheticCorpus({ size: options.size });
  const botId = corpus.bot.id;
  const botDir = await writeCorpusFolder(corpus, join(options.cacheDir, 'corpora'));
  const dataDir = join(options.cacheDir, 'data');
  const queries = makeQuerySet(plans, { count: options.queries, toSimplified });
  // Kept for the service benchmarks (part 2), which replay the same questions over sockets.
  const queriesFile = join(options.cacheDir, `queries-${label}.json`);
  await writeFile(queriesFile, JSON.stringify(queries));

  log('ingesting (loadCorpus + ingestCorpus, built-in embedder)');
  const ingest = await benchIngest(botDir, dataDir, botId);
  log(`ingest: ${ingest.entriesPerSec} entries/s, ${ingest.seconds} s, ${ingest.diskMB} MB on disk`);

  const loadStarted = performance.now();
  const index = await loadIndex(dataDir, botId);
  const loadSeconds = Math.round((performance.now() - loadStarted) / 10) / 100;

  log(`hybrid retrieval, ${queries.length} queries`);
  const retrieval = await benchHybridRetrieval(index, queries, { budgetMs: options.loopBudgetMs });
  log(`hybrid: p50 ${retrieval.p50Ms} ms, p95 ${retrieval.p95Ms} ms, hit@1 ${retrieval.hitAt1}`);
  const ask = await benchAsk(index, queries, { budgetMs: options.loopBudgetMs });
  log('MiniSearch baseline');
  const baseline = await benchMiniSearch(index.entries, queries, { budgetMs: options.loopBudgetMs });
  log(`minisearch: p95 ${baseline.p95Ms} ms, hit@1 ${baseline.hitAt1}`);

  const queryVectors = [];
  for (const q of queries) queryVectors.push(await index.embedder.embedQuery(q.text));
  const hnsw = await benchHnsw({
    index,
    hnswPath: join(ingest.generation, 'hnsw.bin'),
    queryVectors,
    sweep: options.hnsw === 'sweep',
    scratchDir: join(options.cacheDir, 'scratch'),
    budgetMs: options.hnswBudgetMs,
    log,
  });

  return {
    size: options.size,
    botId,
    dataDir,
    queriesFile,
    queries: { count: queries.length, byLang: countBy(queries, (q) => q.lang), byKind: countBy(queries, (q) => q.kind) },
    ingest,
    loadSeconds,
    retrieval,
    ask,
    baseline,
    hnsw,
  };
}

function countBy(items, key) {
  const out = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

main().then(
  (result) => process.send({ type: 'result', result }, () => process.exit(0)),
  (error) => {
    log(`failed: ${error?.stack ?? error}`);
    process.send({ type: 'error', message: String(error?.message ?? error) }, () => process.exit(1));
  },
);
