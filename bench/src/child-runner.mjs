import { fork } from 'node:child_process';

/**
 * Runs a bench script in its own Node process and returns what it reports, killing it (by its
 * own pid, nothing else) if it overruns: the benchmark is bounded in time even if a build hangs.
 *
 * IPC scripts report with process.send({ type: 'result', result } | { type: 'error', message });
 * others print one JSON line on stdout.
 */
export function runChild(script, args, { timeoutMs, execArgv = [], ipc = true }) {
  return new Promise((resolve) => {
    const child = fork(script, args, { execArgv, stdio: ['ignore', ipc ? 'inherit' : 'pipe', 'inherit', 'ipc'] });
    let stdout = '';
    let message;
    let timedOut = false;
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('message', (m) => {
      message = m;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ error: `timed out after ${Math.round(timeoutMs / 1000)} s` });
      if (ipc) {
        if (message?.type === 'result') return resolve({ result: message.result });
        return resolve({ error: message?.message ?? `exited with ${signal ?? code}` });
      }
      try {
        return resolve({ result: JSON.parse(stdout.trim().split('\n').pop()) });
      } catch {
        return resolve({ error: `exited with ${signal ?? code} and no JSON on stdout` });
      }
    });
  });
}
