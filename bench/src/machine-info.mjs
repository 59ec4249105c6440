import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/**
 * What the figures were measured on. The load average is recorded because this machine is shared:
 * a p95 taken at load 6 on 2 cores says more about the neighbours than about the code.
 */
export function machineInfo() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    totalMemGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** The commit measured, and whether the work tree had uncommitted changes. */
export function gitInfo(cwd) {
  const run = (...args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { commit: run('rev-parse', 'HEAD'), dirty: run('status', '--porcelain').length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}
