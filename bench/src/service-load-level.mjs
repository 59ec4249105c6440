import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLoadAverage, readMachineCpuSeconds } from './proc-stats.mjs';
import { describeMachineWindow, describeServerWindow, summarisePhase } from './service-summary.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** A client waits this long for an answer before counting CLIENT_TIMEOUT (the server's own limit is 15 s). */
const ASK_TIMEOUT_MS = 20_000;

/**
 * One concurrency level: `clients` sockets spread over `processes` load-generator processes,
 * all connected before anything is timed, then each phase run on every process at once.
 * The client processes are stopped before returning, whatever happened.
 *
 * @returns {Promise<Record<string, object>>} the summary of each phase, by name
 */
export async function runLevel({ group, server, bot, queriesFile, clients, processes, phases, seed, deadline, log }) {
  const shares = split(clients, Math.min(processes, clients));
  const children = shares.map((sockets, i) =>
    group.start(`load client ${i + 1}/${shares.length} (c${clients})`, join(here, 'service-load-client.mjs'), [
      JSON.stringify({ url: server.url, bot, sockets, firstSocket: shares.slice(0, i).reduce((a, b) => a + b, 0), queriesFile, seed, connectDeadline: deadline }),
    ]),
  );
  try {
    const connected = await Promise.all(children.map((c) => c.next('connected', Math.max(10_000, deadline - Date.now()))));
    const held = connected.reduce((n, c) => n + c.connected, 0);
    const refused = mergeCounts(connected.map((c) => c.failures));
    if (held < clients) log(`c${clients}: only ${held} of ${clients} clients connected (${JSON.stringify(refused)})`);

    const summaries = {};
    for (const phase of phases) {
      const remaining = deadline - Date.now();
      if (remaining < 2_000) {
        log(`c${clients}: time budget spent, phase "${phase.name}" skipped`);
        break;
      }
      const planned = { ...phase, askTimeoutMs: ASK_TIMEOUT_MS, deadline: Math.min(deadline, Date.now() + (phase.maxMs ?? remaining)) };
      await server.stats(true);
      const usageBefore = server.usage();
      const machineBefore = readMachineCpuSeconds();
      const started = Date.now();
      const reports = await Promise.all(children.map((c) => c.request({ type: 'run', phase: planned }, 'phase', planned.deadline - Date.now() + ASK_TIMEOUT_MS + 10_000)));
      const usageAfter = server.usage();
      const machineAfter = readMachineCpuSeconds();
      const windowSeconds = (Date.now() - started) / 1000;
      const serverWindow = describeServerWindow({ before: usageBefore, after: usageAfter, windowSeconds, stats: await server.stats(), memory: server.memory() });
      const summary = summarisePhase(reports, { clients: held, processes: children.length, phase, server: serverWindow });
      // Cut short by the time budget: fewer asks than planned were sent.
      const truncated = summary.asks < phase.asksPerSocket * held;
      const machine = describeMachineWindow({
        before: machineBefore,
        after: machineAfter,
        windowSeconds,
        serverCpuSeconds: serverWindow.cpuSeconds,
        clientCpuSeconds: summary.client.cpuSeconds,
        loadAverage: readLoadAverage(),
      });
      summaries[phase.name] = { ...summary, machine, ...(held < clients ? { connectFailures: refused } : {}), ...(truncated ? { truncated } : {}) };
      log(
        `c${clients} ${phase.name}: ${summary.answered} answered, ${summary.errors} errors, ${summary.asksPerSec} asks/s; first delta p50/p95/p99 ${summary.firstDeltaP50Ms}/${summary.firstDeltaP95Ms}/${summary.firstDeltaP99Ms} ms, end p95 ${summary.endP95Ms} ms; server CPU ${serverWindow.cpuOfOneCore} of a core, loop delay p99 ${serverWindow.eventLoopDelayP99Ms} ms; machine busy ${machine.busyCores} cores (others ${machine.othersCores})`,
      );
    }
    return summaries;
  } finally {
    await Promise.all(children.map((c) => c.stop(5_000)));
  }
}

/** `total` split into `parts` near-equal whole shares. */
export function split(total, parts) {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

export function mergeCounts(counts) {
  const merged = {};
  for (const c of counts) for (const [k, n] of Object.entries(c ?? {})) merged[k] = (merged[k] ?? 0) + n;
  return merged;
}
