import { percentile, roundMs } from './latency-stats.mjs';

/**
 * Merges what every client process of one phase reported into the results file's shape. The
 * percentiles are computed over the raw samples of all processes together (never averaged
 * percentiles), and asks/s over the window from the first ask sent to the last answer received.
 */
export function summarisePhase(reports, { clients, processes, phase, server }) {
  const all = (key) => reports.flatMap((r) => r.samples[key]);
  const firstDelta = all('firstDeltaMs');
  const end = all('endMs');
  const serverEnd = all('serverMs');
  const errorsByCode = {};
  for (const r of reports) for (const [code, n] of Object.entries(r.errors)) errorsByCode[code] = (errorsByCode[code] ?? 0) + n;
  const errors = Object.values(errorsByCode).reduce((a, b) => a + b, 0);
  const answered = reports.reduce((n, r) => n + r.answered, 0);
  const windowSeconds = Math.max(0.001, (Math.max(...reports.map((r) => r.lastEndAt)) - Math.min(...reports.map((r) => r.firstAskAt))) / 1000);
  const asksPerSec = answered === 0 ? 0 : round1(answered / windowSeconds);
  const triple = (samples, name) => ({
    [`${name}P50Ms`]: roundMs(percentile(samples, 50)),
    [`${name}P95Ms`]: roundMs(percentile(samples, 95)),
    [`${name}P99Ms`]: roundMs(percentile(samples, 99)),
  });
  return {
    firstDeltaP95Ms: roundMs(percentile(firstDelta, 95)),
    endP95Ms: roundMs(percentile(end, 95)),
    errors,
    ...triple(firstDelta, 'firstDelta'),
    ...triple(end, 'end'),
    firstDeltaMaxMs: roundMs(firstDelta.length === 0 ? null : Math.max(...firstDelta)),
    // answer.end's latencyMs: the server's own clock from receiving the ask. The gap to endP95Ms
    // is transport and client time.
    ...triple(serverEnd, 'serverEnd'),
    asks: answered + errors,
    answered,
    errorsByCode,
    asksPerSec,
    // Sustained with no errors: the rate only counts as sustained if nothing failed on the way.
    sustainedAsksPerSecNoErrors: errors === 0 ? asksPerSec : null,
    hitAt1: answered === 0 ? null : round3(reports.reduce((n, r) => n + r.hits, 0) / answered),
    clients,
    clientProcesses: processes,
    workload: describeWorkload(phase),
    windowSeconds: round1(windowSeconds),
    server,
    client: {
      cpuSeconds: round1(reports.reduce((n, r) => n + r.cpuSeconds, 0)),
      eventLoopDelayP99Ms: Math.max(...reports.map((r) => r.eventLoopDelayP99Ms)),
    },
  };
}

/** Server-side readings over one phase: CPU share of one core, event-loop delay, RSS. */
export function describeServerWindow({ before, after, windowSeconds, stats, memory }) {
  const cpuSeconds = before.cpuSeconds === null || after.cpuSeconds === null ? null : round1(after.cpuSeconds - before.cpuSeconds);
  const involuntary = before.switches === null || after.switches === null ? null : after.switches.involuntary - before.switches.involuntary;
  return {
    cpuSeconds,
    // 1.0 = one core busy the whole phase: the ceiling of a single Node process.
    cpuOfOneCore: cpuSeconds === null ? null : round3(cpuSeconds / windowSeconds),
    eventLoopDelayP99Ms: stats?.eventLoopDelay.p99Ms ?? null,
    eventLoopDelayMaxMs: stats?.eventLoopDelay.maxMs ?? null,
    // The kernel preempting the event loop: high when the machine has more work than cores.
    preemptionsPerSec: involuntary === null ? null : round1(involuntary / windowSeconds),
    heapUsedMB: stats?.heapUsedMB ?? null,
    rssMB: memory.rssMB,
    peakRssMB: memory.peakRssMB,
  };
}

/**
 * The machine over one phase, in cores (2 = both cores busy the whole phase): everything, and
 * what neither the server nor the load generators used (the neighbours, the kernel, this runner).
 */
export function describeMachineWindow({ before, after, windowSeconds, serverCpuSeconds, clientCpuSeconds, loadAverage }) {
  if (before === null || after === null) return { loadAverage };
  const busyCores = (after.busy - before.busy) / windowSeconds;
  return {
    busyCores: round3(busyCores),
    // Clamped: the readings come from different clocks and may cross by a few milliseconds.
    othersCores: round3(Math.max(0, busyCores - ((serverCpuSeconds ?? 0) + clientCpuSeconds) / windowSeconds)),
    stealCores: round3((after.steal - before.steal) / windowSeconds),
    loadAverage,
  };
}

function describeWorkload(phase) {
  return {
    asksPerClient: phase.asksPerSocket,
    thinkMs: [phase.thinkMinMs, phase.thinkMaxMs],
    staggerMs: phase.staggerMs,
    model: phase.thinkMaxMs === 0 ? 'closed loop, no think time: each client asks again as soon as an answer ends' : 'each client asks, waits for answer.end, thinks (uniform random), asks again',
  };
}

const round1 = (x) => Math.round(x * 10) / 10;
const round3 = (x) => Math.round(x * 1000) / 1000;
