import { mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContextSwitches, readCpuSeconds, readMemoryMB } from './proc-stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Settings the benchmark gives the server on top of the defaults. The rate limits protect a
 * real deployment from one abusive client; every simulated citizen here shares 127.0.0.1, so
 * left at 120 asks per IP per minute they would turn the benchmark into a rate-limit test.
 * Everything else (answer timeout, asks in flight per socket, logging at info, the SQLite
 * conversation log) stays as shipped, so the figures include that work.
 */
export const SERVER_OVERRIDES = {
  rateLimitPerSession: 1_000_000_000,
  rateLimitPerIp: 1_000_000_000,
  shutdownGraceMs: 1_000,
};

/**
 * Starts one govchat server in its own process, serving only the benchmark's bot: its data dir
 * is a fresh folder with a symlink to the ingested bot (the cache also holds the 1k and 100k
 * bots, which would otherwise be loaded too), and its database and log live in `workDir`.
 * Environment variables that configure govchat are not passed on, so a GOVCHAT_* setting in the
 * caller's shell cannot change what is measured.
 *
 * @returns the server's pid and URL, and readers of its RSS, CPU time and event-loop delay.
 */
export async function startBenchServer(group, { dataDir, botId, workDir, label, cpuProfDir, timeoutMs = 90_000 }) {
  const dir = join(workDir, label);
  await mkdir(join(dir, 'data'), { recursive: true });
  await mkdir(join(dir, 'corpora'), { recursive: true });
  await symlink(join(dataDir, botId), join(dir, 'data', botId), 'dir');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GOVCHAT_|PORT$|HOST$)/.test(name)));
  const logFile = join(dir, 'server.log');
  const child = group.start(
    label,
    join(here, 'service-server-child.mjs'),
    [JSON.stringify({ dataDir: join(dir, 'data'), corporaDir: join(dir, 'corpora'), dbFile: join(dir, 'govchat.sqlite'), overrides: SERVER_OVERRIDES })],
    { execArgv: ['--expose-gc', ...(cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`])], logFile, env },
  );
  const ready = await child.next('ready', timeoutMs);
  if (!ready.bots.includes(botId)) throw new Error(`${label} started without bot "${botId}" (bots: ${ready.bots.join(', ') || 'none'}); see ${logFile}`);
  return {
    pid: child.pid,
    url: ready.url,
    fdLimit: ready.fdLimit,
    logFile,
    memory: () => readMemoryMB(child.pid),
    /** CPU time and main-thread context switches so far, read from /proc: diff two of them. */
    usage: () => ({ cpuSeconds: readCpuSeconds(child.pid), switches: readContextSwitches(child.pid) }),
    /** Event-loop delay since the last reset, heap sizes; `reset` starts a new window. */
    stats: (reset = false) => child.request({ type: 'stats', reset }, 'stats', 10_000),
    gc: () => child.request({ type: 'gc' }, 'gc', 30_000),
    stop: () => child.stop(10_000),
  };
}
