import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** A redis-server the test started on a loopback port, and nothing else uses. */
export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  /** SIGKILL: the abrupt loss of Redis (connections reset). */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is persisted). */
  restart(): Promise<void>;
  /** SIGSTOP: Redis hangs with its connections open (the failure a timeout must catch). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** SIGTERM, then SIGKILL after 3 s. */
  stop(): Promise<void>;
}

/** `REDIS_SERVER` when set (only that one), else Debian's redis-server: on PATH, or where the package puts it. */
export function findRedisServer(): string | undefined {
  const override = process.env.REDIS_SERVER;
  const candidates =
    override !== undefined && override !== ''
      ? [override]
      : [...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'redis-server')), '/usr/bin/redis-server'];
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Starts `redis-server` on 127.0.0.1 and a free port, with persistence off (`--save ''
 * --appendonly no`), and waits until it accepts connections. Killed with the test process.
 */
export async function startRedis(binary: string): Promise<RedisProcess> {
  let child: ChildProcess | undefined;
  let port = 0;
  const killOnExit = (): void => void child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  async function launch(): Promise<void> {
    const proc = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 5 s:\n${output}`)), 5000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
      });
    });
  }

  async function waitForExit(signal: NodeJS.Signals, ms: number): Promise<boolean> {
    const proc = child;
    if (proc === undefined || proc.exitCode !== null || proc.signalCode !== null) return true;
    const exited = new Promise<boolean>((resolve) => proc.once('exit', () => resolve(true)));
    proc.kill(signal);
    return Promise.race([exited, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
  }

  // Another process may take the free port between the probe and the launch: try a few.
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      child?.kill('SIGKILL');
      if (attempt === 2) throw error;
    }
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async kill() {
      await waitForExit('SIGKILL', 5000);
    },
    async restart() {
      await waitForExit('SIGKILL', 5000);
      await launch();
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async stop() {
      child?.kill('SIGCONT');
      if (!(await waitForExit('SIGTERM', 3000))) await waitForExit('SIGKILL', 3000);
      process.off('exit', killOnExit);
    },
  };
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
