import { spawn, type ChildProcess } from 'node:child_process';
import { GOVCHAT_BIN, REPO_ROOT } from './ensure-built.js';

/** `govchat serve` in a child process, as an operator runs it. */
export interface ServeProcess {
  readonly url: string;
  readonly pid: number;
  /** Every pino log line so far, parsed. */
  readonly logs: ReadonlyArray<Record<string, unknown>>;
  /** Resolves with the first log line (past or future) that `match` accepts; rejects after `ms`. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  /** SIGTERM (graceful shutdown), SIGKILL after 10 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface ServeProcessOptions {
  readonly dataDir: string;
  readonly corporaDir: string;
  /** GOVCHAT_* settings on top of quiet, no-ingest defaults. */
  readonly env?: Record<string, string>;
  /** Run under `ulimit -f` (KiB): writes past that size fail as on a full disk. */
  readonly fileSizeLimitKb?: number;
}

/**
 * Starts `node packages/cli/bin/govchat.js serve` on 127.0.0.1, port 0, and resolves once it logs
 * its URL. The test's own GOVCHAT_* variables are not passed on: the child sees only `env`.
 */
export async function startServeProcess(options: ServeProcessOptions): Promise<ServeProcess> {
  const args = [GOVCHAT_BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', options.dataDir, '--corpora', options.corporaDir];
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GOVCHAT_') && name !== 'PORT' && name !== 'HOST'));
  const env = { ...inherited, GOVCHAT_LOG_LEVEL: 'info', GOVCHAT_INGEST_ON_START: 'false', ...options.env };
  const child: ChildProcess =
    options.fileSizeLimitKb === undefined
      ? spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('bash', ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, ...args], {
          cwd: REPO_ROOT,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const logs: Array<Record<string, unknown>> = [];
  const waiters = new Set<{ match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }>();
  let output = '';
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      output = `${output}${line}\n`.slice(-20_000);
      if (!line.startsWith('{')) continue;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      logs.push(parsed);
      for (const waiter of waiters) {
        if (waiter.match(parsed)) {
          waiters.delete(waiter);
          waiter.resolve(parsed);
        }
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output = `${output}${chunk.toString()}`.slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  function waitForLog(match: (line: Record<string, unknown>) => boolean, ms = 10_000): Promise<Record<string, unknown>> {
    const seen = logs.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      waiters.add(waiter);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`no such log line within ${ms} ms; output so far:\n${output}`));
      }, ms);
      timer.unref();
      void exited.then((code) => {
        if (!waiters.has(waiter)) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        reject(new Error(`govchat serve exited (${code}) first; output:\n${output}`));
      });
    });
  }

  let listening: Record<string, unknown>;
  try {
    listening = await waitForLog((line) => line.msg === 'listening', 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    url: String(listening.url),
    pid: child.pid!,
    logs,
    waitForLog,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', killOnExit);
      return child.exitCode;
    },
  };
}
