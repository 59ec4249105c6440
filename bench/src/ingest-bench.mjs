import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { currentGeneration, ingestCorpus, loadCorpus } from '@govchat/core';
import { folderBytes, toMB } from './disk-usage.mjs';

/**
 * `govchat ingest` as a department runs it, minus process start-up: read and validate the
 * corpus folder, embed with the built-in embedder, build BM25 + HNSW, write the generation
 * durably and switch CURRENT. Always a full build into an empty data dir, so the figure does not
 * depend on what a previous run left (an incremental ingest re-embeds only changed entries).
 */
export async function benchIngest(botDir, dataDir, botId) {
  await rm(join(dataDir, botId), { recursive: true, force: true });
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const corpus = await loadCorpus(botDir);
  const loaded = performance.now();
  const report = await ingestCorpus(corpus, { dataDir });
  const done = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const generation = await currentGeneration(dataDir, botId);
  const disk = await folderBytes(generation);
  const seconds = (done - started) / 1000;
  return {
    entries: report.entries,
    entriesPerSec: Math.round(report.entries / seconds),
    seconds: round2(seconds),
    // CPU seconds (all threads): what the ingest costs regardless of the machine's other load.
    cpuSeconds: round2(cpuSeconds),
    entriesPerCpuSec: Math.round(report.entries / cpuSeconds),
    loadCorpusSeconds: round2((loaded - started) / 1000),
    ingestSeconds: round2((done - loaded) / 1000),
    diskMB: toMB(disk.total),
    diskFilesMB: Object.fromEntries(Object.entries(disk.files).map(([name, bytes]) => [name, toMB(bytes)])),
    generation,
  };
}

function round2(x) {
  return Math.round(x * 100) / 100;
}
