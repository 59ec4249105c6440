import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/**
 * Child processes for the service benchmark: the server and the Socket.IO load generators each
 * run in their own Node process (the load generator must not share the server's event loop),
 * spoken to over IPC.
 *
 * Every child is started through `bash -c 'ulimit -n …; exec node …'`: 10,000 idle connections
 * need more than the usual 1,024 open files, and only a shell can raise the limit before Node
 * starts. If the hard limit is lower, the child gets the hard limit, reports what it got
 * (/proc/self/limits), and the benchmark says which limit it reached. `exec` keeps the pid: the
 * pid we hold is Node's, so stopping a child never needs anything but its own pid.
 */

/** Open-file limit asked for; the kernel's hard limit may cap it. */
export const WANTED_FD_LIMIT = 65_535;

const RAISE_LIMIT = `ulimit -n ${WANTED_FD_LIMIT} 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"`;

/** Without bash, children start directly with this process's limit (and report it). */
let hasBash;
function command(execArgv, script, args) {
  hasBash ??= spawnSync('bash', ['-c', 'true']).status === 0;
  const node = [...execArgv, script, ...args];
  return hasBash ? ['bash', ['-c', RAISE_LIMIT, process.execPath, ...node]] : [process.execPath, node];
}

/**
 * A set of children started together, stopped together (also on errors and timeouts).
 *
 * @example
 * const group = createProcessGroup();
 * try { const server = group.start('server', script, [config]); await server.next('ready', 30_000); }
 * finally { await group.stopAll(); }
 */
export function createProcessGroup() {
  const children = new Set();

  function start(label, script, args = [], { execArgv = [], logFile, env = process.env } = {}) {
    // Output goes to a file when asked (the server's log), else is dropped: a pipe nobody reads
    // would fill up and block the child.
    const out = logFile === undefined ? 'ignore' : openSync(logFile, 'a');
    let child;
    try {
      const [file, argv] = command(execArgv, script, args);
      child = spawn(file, argv, {
        stdio: ['ignore', out, logFile === undefined ? 'inherit' : out, 'ipc'],
        env,
      });
    } finally {
      if (typeof out === 'number') closeSync(out);
    }
    const handle = wrap(label, child);
    children.add(handle);
    child.once('exit', () => children.delete(handle));
    return handle;
  }

  async function stopAll(graceMs = 5_000) {
    await Promise.all([...children].map((c) => c.stop(graceMs)));
  }

  return { start, stopAll };
}

/** IPC helpers around one child: wait for a message type, ask and wait for the reply, stop. */
function wrap(label, child) {
  const inbox = [];
  const waiters = [];
  let exited = null;
  child.on('message', (message) => {
    const waiter = waiters.find((w) => w.types.includes(message?.type));
    if (waiter === undefined) inbox.push(message);
    else settle(waiter, () => waiter.deliver(message));
  });
  const exitedPromise = new Promise((resolve) => {
    const onGone = (status) => {
      if (exited !== null) return;
      exited = status;
      for (const waiter of [...waiters]) settle(waiter, () => waiter.reject(new Error(`${label} exited (${exited}) before sending ${waiter.types[0]}`)));
      resolve();
    };
    child.once('exit', (code, signal) => onGone(signal ?? code));
    // A process that never started may emit no 'exit' at all.
    child.on('error', (error) => {
      if (child.pid === undefined) onGone(`not started: ${error.message}`);
    });
  });

  function settle(waiter, done) {
    waiters.splice(waiters.indexOf(waiter), 1);
    clearTimeout(waiter.timer);
    done();
  }

  /** The next message of one of `types`; an `error` message from the child rejects instead. */
  function next(types, timeoutMs) {
    const wanted = [...[types].flat(), 'error'];
    return new Promise((resolve, reject) => {
      const deliver = (m) => (m.type === 'error' ? reject(new Error(`${label}: ${m.message}`)) : resolve(m));
      const queued = inbox.findIndex((m) => wanted.includes(m?.type));
      if (queued !== -1) return deliver(inbox.splice(queued, 1)[0]);
      if (exited !== null) return reject(new Error(`${label} already exited (${exited})`));
      const waiter = { types: wanted, deliver, reject };
      waiter.timer = setTimeout(() => settle(waiter, () => reject(new Error(`${label}: no ${wanted[0]} within ${Math.round(timeoutMs / 1000)} s`))), timeoutMs);
      waiters.push(waiter);
    });
  }

  function send(message) {
    if (exited === null && child.connected) child.send(message);
  }

  /** Asks politely (a `stop` message), then SIGKILLs this pid if it has not exited in time. */
  async function stop(graceMs = 5_000) {
    if (exited !== null) return;
    send({ type: 'stop' });
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exitedPromise;
    clearTimeout(timer);
  }

  return {
    label,
    pid: child.pid,
    next,
    send,
    request: (message, replyType, timeoutMs) => {
      const reply = next(replyType, timeoutMs);
      send(message);
      return reply;
    },
    stop,
    get exitCode() {
      return exited;
    },
  };
}
