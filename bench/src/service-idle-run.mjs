import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { mergeCounts, split } from './service-load-level.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** File descriptors the server keeps for itself (database, index files, log, listen socket…). */
const FD_RESERVE = 256;
const STEP = 2_500;
/** After a step, before reading RSS: let the handshakes' garbage and buffers settle. */
const SETTLE_MS = 2_000;

/**
 * The most idle connections one server holds, and its RSS: connections are opened in steps of
 * 2,500 from several client processes (websocket only, as the widget), reading the server's
 * VmRSS after each step. The ramp stops at `maxConnections`, at the server's open-file limit,
 * when a step fails to connect fully, or at the deadline. The target count (10,000) is always
 * one of the steps, read after a longer settle, and again after a forced full GC.
 */
export async function measureIdle({ group, server, bot, target, maxConnections, processes, deadline, log }) {
  const children = Array.from({ length: processes }, (_, i) =>
    group.start(`idle client ${i + 1}/${processes}`, join(here, 'service-idle-client.mjs'), [JSON.stringify({ url: server.url, bot })]),
  );
  try {
    const ready = await Promise.all(children.map((c) => c.next('ready', 30_000)));
    const fdCap = Math.min(server.fdLimit.soft ?? Infinity, ...ready.map((r) => (r.fdLimit.soft ?? Infinity) * processes)) - FD_RESERVE;
    const cap = Math.min(maxConnections, fdCap);
    await sleep(SETTLE_MS);
    const baseline = { ...server.memory(), ...pickHeap(await server.stats()) };
    log(`idle: server RSS ${baseline.rssMB} MB before any connection; opening up to ${cap} connections from ${processes} processes (server open-file limit ${server.fdLimit.soft})`);

    const ramp = [];
    let held = 0;
    let atTarget = null;
    let stopReason = cap < maxConnections ? `open-file limit (${server.fdLimit.soft}; hard ${server.fdLimit.hard})` : 'planned maximum reached';
    const failures = {};
    const started = Date.now();
    for (const step of steps(cap, target)) {
      if (Date.now() > deadline) {
        stopReason = 'time budget';
        break;
      }
      const opened = await Promise.all(
        split(step - held, processes).map((count, i) => children[i].request({ type: 'open', count, deadline }, 'opened', Math.max(5_000, deadline - Date.now() + 25_000))),
      );
      held = opened.reduce((n, o) => n + o.held, 0);
      Object.assign(failures, mergeCounts([failures, ...opened.map((o) => o.failures)]));
      await sleep(step === target ? 2 * SETTLE_MS : SETTLE_MS);
      const memory = server.memory();
      ramp.push({ connections: held, rssMB: memory.rssMB, seconds: Math.round((Date.now() - started) / 100) / 10 });
      log(`idle: ${held} connections held, server RSS ${memory.rssMB} MB`);
      if (step === target && held >= target) {
        await server.gc();
        atTarget = { connections: held, rssMB: memory.rssMB, rssAfterGcMB: server.memory().rssMB, ...pickHeap(await server.stats()) };
      }
      if (held < step) {
        stopReason = `connections failed at ${step} (${JSON.stringify(failures)})`;
        break;
      }
    }
    await sleep(SETTLE_MS);
    // Still connected at the end: the figure is connections the server kept, not ones it accepted once.
    const checks = await Promise.all(children.map((c) => c.request({ type: 'check' }, 'held', 30_000)));
    const stillHeld = checks.reduce((n, c) => n + c.held, 0);
    const final = server.memory();
    return {
      connections: stillHeld,
      rssMB: final.rssMB,
      atTarget,
      baselineRssMB: baseline.rssMB,
      // Where the baseline goes: the JS heap (index, language tables, server) and off-heap buffers.
      baseline,
      perConnectionKB: stillHeld === 0 ? null : Math.round(((final.rssMB - baseline.rssMB) * 1024) / stillHeld * 10) / 10,
      peakRssMB: final.peakRssMB,
      stoppedBy: stopReason,
      fdLimit: { server: server.fdLimit, clientProcess: ready[0]?.fdLimit ?? null },
      clientProcesses: processes,
      connectFailures: failures,
      disconnects: mergeCounts(checks.map((c) => c.disconnects)),
      ramp,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop(10_000)));
  }
}

function pickHeap(stats) {
  return { heapUsedMB: stats.heapUsedMB, externalMB: stats.externalMB };
}

/** 2,500, 5,000, … up to `cap`, with `target` always included when it fits. */
function steps(cap, target) {
  const out = [];
  for (let n = STEP; n < cap; n += STEP) out.push(n);
  out.push(cap);
  if (target <= cap && !out.includes(target)) out.push(target);
  return [...new Set(out)].sort((a, b) => a - b);
}
