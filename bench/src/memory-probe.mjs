// Child process: how much resident memory one bot's loaded index costs a server.
//   node --expose-gc bench/src/memory-probe.mjs <dataDir> <botId>
// Prints one JSON line. Run in a fresh process so nothing else the benchmark built is counted.
import { analyseText, createHybridRetriever, loadIndex } from '@govchat/core';

const [dataDir, botId] = process.argv.slice(2);
if (dataDir === undefined || botId === undefined || typeof globalThis.gc !== 'function') {
  console.error('usage: node --expose-gc memory-probe.mjs <dataDir> <botId>');
  process.exit(2);
}

const settle = async () => {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage();
};
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

// The baseline already holds core's code and lazily loaded dictionaries, which every server
// pays once whatever the number of bots: the delta is then the index alone.
analyseText('warm up 暖身 登記');
const before = await settle();
const started = performance.now();
const index = await loadIndex(dataDir, botId);
const loadMs = performance.now() - started;
const retriever = createHybridRetriever(index);
await retriever.retrieve({ text: 'How do I renew my passport?' });
await retriever.retrieve({ text: '點樣續期護照' });
const after = await settle();
console.log(
  JSON.stringify({
    entries: index.entries.length,
    loadSeconds: Math.round(loadMs / 10) / 100,
    rssBeforeMB: mb(before.rss),
    rssAfterMB: mb(after.rss),
    rssDeltaMB: mb(after.rss - before.rss),
    heapDeltaMB: mb(after.heapUsed - before.heapUsed),
    externalDeltaMB: mb(after.external + after.arrayBuffers - before.external - before.arrayBuffers),
  }),
);
