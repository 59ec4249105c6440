/**
 * The service benchmarks (issue 7, part 2): Socket.IO chat at 1, 50 and 500 concurrent clients
 * (time to first `answer.delta` and to `answer.end`, errors, asks/s) and the most idle
 * connections one server holds, with its RSS.
 *
 * Nothing runs in this process: the server runs in its own child process (the built package, as
 * `govchat serve` runs it), and the simulated citizens in up to four load-generator processes
 * with real `socket.io-client` sockets over loopback, so the load generator never shares the
 * server's event loop. Every child is stopped, and the temporary folder removed, on every path
 * out of `measureService` (errors and timeouts included); children also exit on their own if
 * this process dies (IPC disconnect).
 *
 * Workload (see bench/README.md, "Service figures"):
 *   c1           one client asking back to back: the unloaded latency
 *   c50, c500    each client asks, waits for answer.end, thinks 2–6 s (uniform), asks again
 *   saturation   the 500 clients again with no think time: the most asks/s the server sustains
 *   idle         a fresh server; 10,000 websocket connections (full run: ramped on to the
 *                open-file limit), server VmRSS from /proc
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessGroup } from './bench-process.mjs';
import { readLoadAverage } from './proc-stats.mjs';
import { measureIdle } from './service-idle-run.mjs';
import { runLevel } from './service-load-level.mjs';
import { startBenchServer } from './service-server.mjs';
import { SERVICE_TARGETS, detailTable, judgeService, verdictLine } from './service-targets.mjs';

/** Concurrency levels, as results keys c1, c50, c500. */
export const SERVICE_LEVELS = [1, 50, 500];

/** A citizen who reads the answer and types the next question; faster than real ones, on purpose. */
const THINK = { thinkMinMs: 2_000, thinkMaxMs: 6_000, staggerMs: 4_000 };
const BACK_TO_BACK = { thinkMinMs: 0, thinkMaxMs: 0 };

/** Counts bound the work, whatever the machine's speed; the time budget bounds the rest. */
const PLANS = {
  quick: { warmupAsks: 30, c1Asks: 150, pacedAsks: { 50: 4, 500: 3 }, saturationAsks: 2, idleMax: 10_000 },
  full: { warmupAsks: 30, c1Asks: 300, pacedAsks: { 50: 8, 500: 6 }, saturationAsks: 4, idleMax: 100_000 },
};
const CLIENT_PROCESSES = 4;
const SEED = 7;

/**
 * @typedef {{
 *   dataDir: string,        // holds an ingested bot (the 10k synthetic corpus)
 *   botId: string,
 *   queriesFile: string,    // JSON array of { text, lang, expectedId, kind }
 *   budgetMs: number,       // wall-clock bound for all service figures
 *   log: (message: string) => void,
 *   quick?: boolean,        // smaller counts; read from the runner's --quick when absent
 * }} ServiceContext
 */

/** Whether the server package can be started yet (the built dist/ exports createServer). */
export async function probeServer() {
  try {
    const server = await import('@govchat/server');
    if (typeof server.createServer === 'function') return { available: true, createServer: server.createServer };
    return { available: false, reason: '@govchat/server does not export createServer yet' };
  } catch (error) {
    return { available: false, reason: `cannot import @govchat/server (${error?.message ?? error})` };
  }
}

/** Service and idle figures with every value null: the shape of "not measured". */
export function unmeasuredService() {
  const service = Object.fromEntries(SERVICE_LEVELS.map((c) => [`c${c}`, { firstDeltaP95Ms: null, endP95Ms: null, errors: null }]));
  return { service, idle: { connections: null, rssMB: null } };
}

/**
 * @param {ServiceContext} context
 * @returns {Promise<{ status: string, reason?: string, service: object, idle: object }>}
 */
export async function measureService(context) {
  const probe = await probeServer();
  if (!probe.available) return { status: 'not measured', reason: probe.reason, ...unmeasuredService() };
  const mode = (context.quick ?? process.argv.includes('--quick')) ? 'quick' : 'full';
  const plan = PLANS[mode];
  const started = Date.now();
  // Most of the budget is the load levels'; the idle ramp keeps a reserved share of its own.
  const loadDeadline = started + context.budgetMs * 0.55;
  const idleDeadline = started + context.budgetMs * 0.95;
  const workDir = await mkdtemp(join(tmpdir(), 'govchat-bench-service-'));
  const group = createProcessGroup();
  const problems = [];
  const { service, idle: unmeasuredIdle } = unmeasuredService();
  let idle = unmeasuredIdle;
  const loadBefore = readLoadAverage();
  try {
    try {
      await measureLevels(service, { context, plan, group, workDir, deadline: loadDeadline });
    } catch (error) {
      problems.push(`load levels: ${error.message}`);
      context.log(`service: load levels failed: ${error.message}`);
    }
    try {
      idle = await measureIdleServer({ context, plan, group, workDir, deadline: idleDeadline });
    } catch (error) {
      problems.push(`idle connections: ${error.message}`);
      context.log(`service: idle connections failed: ${error.message}`);
    }
  } finally {
    await group.stopAll();
    await rm(workDir, { recursive: true, force: true });
  }
  const [firstDelta, idleVerdict] = judgeService(service, idle);
  context.log(
    `service figures (${mode}, ${Math.round((Date.now() - started) / 1000)} s; load average ${loadBefore?.join('/')} → ${readLoadAverage()?.join('/')}):\n${detailTable(service)}`,
  );
  return {
    status: `${problems.length === 0 ? 'measured' : 'partly measured'} (${mode}) — ${verdictLine([firstDelta, idleVerdict])}`,
    ...(problems.length === 0 ? {} : { reason: problems.join('; ') }),
    service: { ...service, c500: { ...service.c500, verdict: firstDelta } },
    idle: { ...idle, verdict: idleVerdict },
  };
}

/**
 * One server for the three levels, in order c1 → c50 → c500 (then c500 with no think time).
 * Each level's figures go into `service` as soon as they exist: a later failure keeps them.
 */
async function measureLevels(service, { context, plan, group, workDir, deadline }) {
  const server = await startBenchServer(group, {
    dataDir: context.dataDir,
    botId: context.botId,
    workDir,
    label: 'server (load)',
    cpuProfDir: process.env.BENCH_SERVICE_CPU_PROF || undefined,
  });
  context.log(`service: server pid ${server.pid} at ${server.url}, RSS ${server.memory().rssMB} MB`);
  const level = (clients, phases) =>
    runLevel({ group, server, bot: context.botId, queriesFile: context.queriesFile, clients, processes: CLIENT_PROCESSES, phases, seed: SEED, deadline, log: context.log });
  try {
    // The warm-up lets V8 compile the hot paths: the first asks of a fresh process are not the
    // latency citizens see. It is not recorded.
    const c1 = await level(1, [
      { name: 'warmup', asksPerSocket: plan.warmupAsks, ...BACK_TO_BACK, staggerMs: 0, queryOffset: 150, seed: 0 },
      { name: 'timed', asksPerSocket: plan.c1Asks, ...BACK_TO_BACK, staggerMs: 0, queryOffset: 0, seed: 1 },
    ]);
    if (c1.timed !== undefined) service.c1 = c1.timed;
    const c50 = await level(50, [{ name: 'paced', asksPerSocket: plan.pacedAsks[50], ...THINK, queryOffset: 0, seed: 2 }]);
    if (c50.paced !== undefined) service.c50 = c50.paced;
    const c500 = await level(500, [
      { name: 'paced', asksPerSocket: plan.pacedAsks[500], ...THINK, queryOffset: 0, seed: 3 },
      { name: 'saturation', asksPerSocket: plan.saturationAsks, ...BACK_TO_BACK, staggerMs: 500, queryOffset: 100, seed: 4 },
    ]);
    if (c500.paced !== undefined) service.c500 = { ...c500.paced, ...(c500.saturation === undefined ? {} : { saturation: c500.saturation }) };
  } finally {
    await server.stop();
  }
}

/** A fresh server, so the figure is connections alone, not sessions left by the load levels. */
async function measureIdleServer({ context, plan, group, workDir, deadline }) {
  const server = await startBenchServer(group, { dataDir: context.dataDir, botId: context.botId, workDir, label: 'server (idle)' });
  try {
    return await measureIdle({
      group,
      server,
      bot: context.botId,
      target: SERVICE_TARGETS.idle.connections,
      maxConnections: plan.idleMax,
      processes: CLIENT_PROCESSES,
      deadline,
      log: context.log,
    });
  } finally {
    await server.stop();
  }
}
