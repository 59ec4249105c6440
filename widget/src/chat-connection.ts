import type { AnswerLang, AskPayload, ChatAuth, ClientToServerEvents, FeedbackPayload, ServerToClientEvents } from '@govchat/protocol';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ChatAction } from './chat-state.js';

/** The typed `/chat` socket. */
export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens a socket; `io` from socket.io-client, or a fake in tests. */
export type ConnectSocket = (url: string, options: Partial<ManagerOptions & SocketOptions>) => ChatSocket;

/** Reconnection backoff: 1 s, 2 s, 4 s … capped at 30 s, ±50 % jitter so a server restart is not stormed. */
export const RECONNECT_OPTIONS = {
  reconnection: true,
  reconnectionDelay: 1_000,
  reconnectionDelayMax: 30_000,
  randomizationFactor: 0.5,
} as const;

/** Where the socket connects: socket.io's path follows the server's mount point (`https://x.hk/govchat` → `/govchat/socket.io`). */
export function describeSocketEndpoint(server: string): { url: string; path: string } {
  const base = new URL(server);
  const prefix = base.pathname.replace(/\/+$/, '');
  return { url: `${base.origin}/chat`, path: `${prefix}/socket.io` };
}

/** Handshake refusals worth retrying: the server is draining for a restart, or over capacity. */
const RETRYABLE_REFUSALS = new Set(['BUSY', 'RATE_LIMITED']);

/** Whether a `connect_error` refusal (socket.io puts the server's `{code, message}` in `data`) may succeed later. */
export function isRetryableRefusal(error: unknown): boolean {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  return typeof code === 'string' && RETRYABLE_REFUSALS.has(code);
}

/** What the widget can do over the socket. */
export interface ChatConnection {
  /** Sends an ask; false when offline (the caller keeps the question unsent). */
  ask(payload: AskPayload): boolean;
  cancel(id: string): void;
  feedback(payload: FeedbackPayload): void;
  close(): void;
}

export interface ChatConnectionOptions {
  server: string;
  bot: string;
  /** Current session id, read at each (re)connect so a reconnect resumes the conversation. */
  getSession: () => string | undefined;
  dispatch: (action: ChatAction) => void;
  connect?: ConnectSocket;
}

/**
 * Connects a widget to `/chat` and turns socket events into state actions. Reconnection with
 * exponential backoff is socket.io's own; this adds the visible connection state and retries the
 * case socket.io leaves to the application (the server closing the socket on us).
 */
export function createChatConnection(options: ChatConnectionOptions): ChatConnection {
  const { dispatch } = options;
  const connect = options.connect ?? (io as unknown as ConnectSocket);
  const endpoint = describeSocketEndpoint(options.server);
  const socket = connect(endpoint.url, {
    ...RECONNECT_OPTIONS,
    path: endpoint.path,
    // Each widget gets its own connection: two bots on a page have different handshakes.
    forceNew: true,
    auth: (send: (auth: object) => void) => {
      const session = options.getSession();
      const auth: ChatAuth = session ? { bot: options.bot, session } : { bot: options.bot };
      send(auth);
    },
  });
  let closed = false;
  let serverKicks = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  socket.on('connect', () => {
    serverKicks = 0;
    dispatch({ type: 'connection', state: 'online' });
  });
  // socket.io gives up where the application must decide: after a server-side disconnect (a
  // restart, a deploy) and after a handshake refusal. Those we retry with the same backoff.
  const retryLater = (): void => {
    clearTimeout(retryTimer);
    const delay = Math.min(RECONNECT_OPTIONS.reconnectionDelayMax, RECONNECT_OPTIONS.reconnectionDelay * 2 ** serverKicks++);
    retryTimer = setTimeout(() => socket.connect(), delay);
  };
  socket.on('disconnect', (reason) => {
    if (closed) return;
    dispatch({ type: 'connection', state: 'offline' });
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', (error) => {
    if (closed) return;
    if (socket.active) {
      dispatch({ type: 'connection', state: 'offline' });
      return;
    }
    // Refused by the server's handshake check. A server shutting down (BUSY) will be back; an
    // unknown bot or a forbidden origin will not, so say so instead of "reconnecting" forever.
    if (isRetryableRefusal(error)) {
      dispatch({ type: 'connection', state: 'offline' });
      retryLater();
      return;
    }
    dispatch({ type: 'connection', state: 'failed' });
  });
  socket.on('session', ({ session }) => dispatch({ type: 'session', session }));
  socket.on('answer.start', ({ id, lang }) => dispatch({ type: 'answer-start', id, lang: lang as AnswerLang }));
  socket.on('answer.delta', ({ id, text }) => dispatch({ type: 'answer-delta', id, text }));
  socket.on('answer.reset', ({ id }) => dispatch({ type: 'answer-reset', id }));
  socket.on('answer.sources', ({ id, sources, related }) =>
    dispatch({ type: 'answer-sources', id, sources: sources ?? [], related: related ?? [] }),
  );
  socket.on('answer.end', ({ id, abstained }) => dispatch({ type: 'answer-end', id, abstained }));
  socket.on('answer.error', ({ id, code }) => dispatch({ type: 'answer-error', id, code }));

  return {
    ask(payload) {
      if (!socket.connected) return false;
      socket.emit('ask', payload);
      return true;
    },
    cancel(id) {
      if (socket.connected) socket.emit('cancel', { id });
    },
    feedback(payload) {
      // Buffered by socket.io while offline and sent on reconnect: feedback is worth keeping.
      socket.emit('feedback', payload);
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket.disconnect();
    },
  };
}
