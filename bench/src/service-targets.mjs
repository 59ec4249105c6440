import { renderTable } from './format-table.mjs';

/**
 * The service targets, judged here because the generic target table (targets.mjs) reads
 * one figure per target, and the idle target is two (a count reached under an RSS ceiling).
 * Like every target, a MISS is reported, never turned into a failing exit code.
 */
export const SERVICE_TARGETS = {
  firstDelta: { level: 'c500', maxMs: 50, label: 'time to first answer.delta p95 at 500 concurrent clients (extractive answerer)' },
  idle: { connections: 10_000, maxRssMB: 500, label: '10,000 idle Socket.IO connections under 500 MB server RSS' },
};

/** Each target with its figure and PASS, MISS or "not measured". */
export function judgeService(service, idle) {
  const { firstDelta, idle: idleTarget } = SERVICE_TARGETS;
  const p95 = service[firstDelta.level]?.firstDeltaP95Ms ?? null;
  const at = idle?.atTarget ?? null;
  return [
    {
      label: firstDelta.label,
      figure: p95 === null ? null : `${p95} ms`,
      target: `< ${firstDelta.maxMs} ms`,
      status: p95 === null ? 'not measured' : p95 < firstDelta.maxMs ? 'PASS' : 'MISS',
    },
    {
      label: idleTarget.label,
      figure: idle?.connections == null ? null : at === null ? `${idle.connections} held (${idle.stoppedBy})` : `${at.connections} held at ${at.rssMB} MB`,
      target: `≥ ${idleTarget.connections}, < ${idleTarget.maxRssMB} MB`,
      status: idle?.connections == null ? 'not measured' : at !== null && at.rssMB < idleTarget.maxRssMB ? 'PASS' : 'MISS',
    },
  ];
}

/** One line for the report's service heading: every target beside its figure. */
export function verdictLine(verdicts) {
  return verdicts.map((v) => `${v.label}: ${v.figure ?? '—'} (target ${v.target}) ${v.status}`).join('; ');
}

/** The detail the main report's table leaves out: p50/p99, asks/s, saturation, server load. */
export function detailTable(service) {
  const rows = [];
  for (const [level, figures] of Object.entries(service)) {
    for (const [label, f] of [[level.slice(1), figures], [`${level.slice(1)}, no think time`, figures.saturation]]) {
      if (f == null || f.firstDeltaP95Ms == null) continue;
      rows.push([
        label,
        `${f.firstDeltaP50Ms}/${f.firstDeltaP95Ms}/${f.firstDeltaP99Ms}`,
        `${f.endP50Ms}/${f.endP95Ms}/${f.endP99Ms}`,
        f.serverEndP95Ms,
        f.asksPerSec,
        `${f.errors}${f.truncated ? ' (cut)' : ''}`,
        f.hitAt1,
        f.server?.cpuOfOneCore,
        f.server?.eventLoopDelayP99Ms,
        f.server?.preemptionsPerSec,
        f.client?.eventLoopDelayP99Ms,
        f.machine?.othersCores,
      ]);
    }
  }
  return renderTable(
    [
      'clients',
      'first delta p50/95/99 ms',
      'end p50/95/99 ms',
      'server end p95',
      'asks/s',
      'errors',
      'hit@1',
      'server CPU (cores)',
      'server loop p99 ms',
      'preempted/s',
      'client loop p99 ms',
      'others (cores)',
    ],
    rows,
  );
}
