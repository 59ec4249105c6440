import { io } from 'socket.io-client';

/**
 * Opens `count` Socket.IO connections to the `/chat` namespace the way the widget does
 * (`transports: ['websocket']`), a bounded number at a time: a burst of thousands of handshakes
 * would overflow the listen backlog and measure the kernel rather than the server.
 *
 * A connection counts once the server has sent `session` (its first event): the handshake, the
 * namespace middleware and the session were all done. No reconnection: a dropped connection must
 * show as an error, not be quietly replaced.
 *
 * @returns {Promise<{ sockets: import('socket.io-client').Socket[], failures: Record<string, number> }>}
 */
export async function connectSockets({ url, bot, count, concurrency = 50, timeoutMs = 20_000, deadline = Infinity }) {
  const sockets = [];
  const failures = {};
  let next = 0;
  async function lane() {
    while (next < count) {
      next++;
      if (Date.now() > deadline) {
        failures.DEADLINE = (failures.DEADLINE ?? 0) + 1;
        continue;
      }
      const { socket, error } = await connectOne(url, bot, timeoutMs);
      if (error === undefined) sockets.push(socket);
      else failures[error] = (failures[error] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { sockets, failures };
}

function connectOne(url, bot, timeoutMs) {
  const socket = io(`${url}/chat`, {
    transports: ['websocket'],
    forceNew: true, // one connection per client, never multiplexed onto another's
    reconnection: false,
    timeout: timeoutMs,
    auth: { bot },
  });
  return new Promise((resolve) => {
    const done = (error) => {
      clearTimeout(timer);
      socket.off('session', onSession);
      socket.off('connect_error', onError);
      if (error !== undefined) socket.close();
      resolve({ socket, error });
    };
    const onSession = () => done(undefined);
    const onError = (err) => done(err?.data?.code ?? shortReason(err));
    const timer = setTimeout(() => done('CONNECT_TIMEOUT'), timeoutMs);
    socket.once('session', onSession);
    socket.once('connect_error', onError);
  });
}

/** A stable failure label for counting: the error's code, or the first words of its message. */
function shortReason(err) {
  return String(err?.code ?? err?.message ?? err).slice(0, 60);
}
