// Child process: one govchat server, started from the built package (dist/) exactly as
// `govchat serve` starts it, on 127.0.0.1 and a free port.
//   node service-server-child.mjs '<json: { dataDir, corporaDir, dbFile, overrides }>'
// IPC: sends { type: 'ready', url, pid, fdLimit }; answers 'stats' and 'gc'; 'stop' closes the
// server gracefully and exits. It exits at once if the benchmark goes away (IPC disconnect), so
// a killed runner never leaves a server behind.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createServer } from '@govchat/server';
import { readOwnFdLimit } from './proc-stats.mjs';

const { dataDir, corporaDir, dbFile, overrides } = JSON.parse(process.argv[2] ?? '{}');
process.on('disconnect', () => process.exit(1));

// How late the event loop runs timers: a saturated loop is the first limit a single-process
// server meets, and the percentiles say whether the figures are the server's or the machine's.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

let server;
try {
  server = await createServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    corporaDir,
    dbFile,
    // The benchmark's bot is already ingested; nothing else may write into or watch the data dir.
    ingestOnStart: false,
    watchIndexes: false,
    indexPollMs: 0,
    ...overrides,
  });
  const url = await server.listen();
  process.send({ type: 'ready', url, pid: process.pid, bots: server.listBots(), fdLimit: readOwnFdLimit() });
} catch (error) {
  process.send({ type: 'error', message: String(error?.message ?? error) });
  process.exit(1);
}

const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;

process.on('message', async (message) => {
  switch (message?.type) {
    case 'stats': {
      const memory = process.memoryUsage();
      process.send({
        type: 'stats',
        eventLoopDelay: { p50Ms: ms(loopDelay.percentile(50)), p99Ms: ms(loopDelay.percentile(99)), maxMs: ms(loopDelay.max) },
        heapUsedMB: Math.round(memory.heapUsed / 1048576),
        externalMB: Math.round((memory.external + memory.arrayBuffers) / 1048576),
      });
      if (message.reset) loopDelay.reset();
      break;
    }
    case 'gc':
      // Only with --expose-gc: the idle figure is also given after a full collection, to tell
      // memory the connections hold from garbage not yet collected.
      globalThis.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 200));
      globalThis.gc?.();
      process.send({ type: 'gc', done: typeof globalThis.gc === 'function' });
      break;
    case 'stop':
      await server.close().catch(() => {});
      process.exit(0); // a clean exit also writes the --cpu-prof profile, when one was asked for
  }
});
