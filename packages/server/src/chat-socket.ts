import { GovchatError } from '@govchat/core';
import type { ClientToServerEvents, ServerToClientEvents } from '@govchat/protocol';
import type { ExtendedError, Namespace, Server, Socket } from 'socket.io';
import type { AskRunner, AskSink } from './ask-runner.js';
import type { BotRegistry } from './bot-registry.js';
import { clientAddress } from './client-address.js';
import { toClientError } from './client-error.js';
import type { FeedbackRecorder } from './feedback-recorder.js';
import { isOriginAllowed } from './origin-policy.js';
import { enforceRateLimit, type RateLimiter } from './rate-limiter.js';
import type { ServerMetrics } from './server-metrics.js';
import type { Logger } from './server-logger.js';
import type { ChatSession, SessionManager } from './session-manager.js';
import { parsePayload, readAskId, type WireSchemas } from './wire-schemas.js';

/** Per-socket state, set by the handshake middleware. */
interface ChatSocketData {
  bot: string;
  session: ChatSession;
  ip: string;
  /** Asks in flight on this socket, by ask id. */
  asks: Map<string, AbortController>;
  /** A resume in progress, shared by asks that arrive together (one new id, not one each). */
  resuming?: Promise<ChatSession>;
}

type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ChatSocketData>;
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ChatSocketData>;

export interface ChatNamespaceOptions {
  readonly bots: BotRegistry;
  readonly sessions: SessionManager;
  readonly runner: AskRunner;
  readonly recordFeedback: FeedbackRecorder;
  readonly schemas: WireSchemas;
  readonly limits: { readonly perSession: RateLimiter; readonly perIp: RateLimiter; readonly maxConcurrentAsks: number };
  readonly trustProxy: boolean | number;
  readonly metrics: ServerMetrics;
  readonly logger: Logger;
  /** True once shutdown began: new connections are refused. */
  readonly isClosing: () => boolean;
}

/**
 * The `/chat` namespace (see docs/protocol.md): handshake `auth: {bot, session?}` checked
 * against the bot registry and the bot's allowed origins, then `ask`, `cancel` and `feedback`.
 * Every failure of an ask is reported as one `answer.error` carrying the ask id, through the
 * same `toClientError` mapping the REST API uses.
 *
 * @example attachChatNamespace(io, { bots, sessions, runner, recordFeedback, schemas, limits, trustProxy: false, metrics, logger, isClosing });
 */
export function attachChatNamespace(io: Server, options: ChatNamespaceOptions): Namespace {
  const { bots, sessions, runner, schemas, limits, metrics, logger } = options;
  const server = io as unknown as ChatServer;

  // The default namespace is not part of the protocol: say where to go instead of silently accepting.
  server.of('/').use((_socket, next) => next(handshakeError(new GovchatError('NOT_FOUND', 'connect to the "/chat" namespace'))));

  const chat = server.of('/chat');
  chat.use(async (socket, next) => {
    try {
      if (options.isClosing()) throw new GovchatError('BUSY', 'the server is shutting down; please reconnect in a moment');
      const auth = parsePayload(schemas.chatAuth, socket.handshake.auth);
      const engine = bots.get(auth.bot);
      if (engine === undefined) throw new GovchatError('BOT_NOT_FOUND', `unknown bot "${auth.bot}"`);
      const origin = socket.handshake.headers.origin;
      if (!isOriginAllowed(engine.config, origin)) {
        throw new GovchatError('FORBIDDEN_ORIGIN', `pages on ${origin} may not use bot "${auth.bot}" (not in its allowedOrigins)`);
      }
      socket.data = {
        bot: auth.bot,
        session: await sessions.resume(auth.bot, typeof auth.session === 'string' ? auth.session : undefined),
        ip: clientAddress(socket.handshake.address, socket.handshake.headers, options.trustProxy),
        asks: new Map(),
      };
      next();
    } catch (error) {
      next(handshakeError(error));
    }
  });

  chat.on('connection', (socket: ChatSocket) => {
    const { bot } = socket.data;
    metrics.connectedSockets.inc({ bot });
    socket.emit('session', { session: socket.data.session.id });
    socket.on('ask', (payload) => void handleAsk(socket, payload));
    socket.on('cancel', (payload) => handleCancel(socket, payload));
    socket.on('feedback', (payload) => void handleFeedback(socket, payload));
    socket.on('disconnect', () => {
      metrics.connectedSockets.dec({ bot });
      // Nobody is listening any more: stop the work (the ask is recorded as cancelled).
      for (const controller of socket.data.asks.values()) controller.abort(new GovchatError('CANCELLED', 'the client disconnected'));
    });
  });

  async function handleAsk(socket: ChatSocket, payload: unknown): Promise<void> {
    const id = readAskId(payload);
    const { bot, asks } = socket.data;
    let controller: AbortController | undefined;
    try {
      const ask = parsePayload(schemas.askPayload, payload);
      if (asks.has(ask.id)) throw new GovchatError('INVALID_INPUT', `ask "${ask.id}" is already in progress; use a new id`, { field: 'id' });
      if (asks.size >= limits.maxConcurrentAsks) {
        throw new GovchatError('BUSY', `at most ${limits.maxConcurrentAsks} questions at a time; wait for an answer to finish`);
      }
      // Hold the slot before the first await: a burst of asks must not all pass the checks above.
      controller = new AbortController();
      asks.set(ask.id, controller);
      const session = await currentSession(socket);
      await enforceRateLimit(limits.perSession, `session:${session.id}`);
      await enforceRateLimit(limits.perIp, `ip:${socket.data.ip}`);
      await runner.run({ session, askId: ask.id, text: ask.text, ...(ask.lang ? { lang: ask.lang } : {}), signal: controller.signal }, sinkFor(socket));
    } catch (error) {
      metrics.asks.inc({ bot, outcome: 'rejected' });
      emitAskError(socket, id, error);
    } finally {
      if (controller !== undefined && asks.get(id) === controller) asks.delete(id);
    }
  }

  function handleCancel(socket: ChatSocket, payload: unknown): void {
    try {
      const { id } = parsePayload(schemas.cancelPayload, payload);
      // Cancelling an ask that already ended is not an error: the two crossed on the wire.
      socket.data.asks.get(id)?.abort(new GovchatError('CANCELLED', 'cancelled by the client'));
    } catch (error) {
      emitAskError(socket, readAskId(payload), error);
    }
  }

  async function handleFeedback(socket: ChatSocket, payload: unknown): Promise<void> {
    const id = readAskId(payload);
    try {
      const feedback = parsePayload(schemas.feedbackPayload, payload);
      await enforceRateLimit(limits.perIp, `ip:${socket.data.ip}`);
      await options.recordFeedback({
        bot: socket.data.bot,
        sessionId: (await currentSession(socket)).id,
        askId: feedback.id,
        rating: feedback.rating,
        ...(feedback.comment === undefined ? {} : { comment: feedback.comment }),
      });
      socket.emit('feedback.ack', { id, ok: true });
    } catch (error) {
      const { code, message } = toClientError(error);
      socket.emit('feedback.ack', { id, ok: false, code, message });
    }
  }

  /**
   * The socket's session with its latest history: another node (or a REST call) may have added
   * turns, and it may have idled out during a very long connection (then a new id is announced).
   */
  function currentSession(socket: ChatSocket): Promise<ChatSession> {
    socket.data.resuming ??= (async () => {
      const { bot, session } = socket.data;
      try {
        const resumed = await sessions.resume(bot, session.id);
        socket.data.session = resumed;
        if (resumed.id !== session.id) socket.emit('session', { session: resumed.id });
        return resumed;
      } finally {
        socket.data.resuming = undefined;
      }
    })();
    return socket.data.resuming;
  }

  function emitAskError(socket: ChatSocket, id: string, error: unknown): void {
    const { code, message, error: cause } = toClientError(error);
    if (code === 'INTERNAL') logger.error({ bot: socket.data.bot, ask: id, err: cause }, 'socket handler failed');
    socket.emit('answer.error', { id, code, message });
  }

  return chat as unknown as Namespace;
}

function sinkFor(socket: ChatSocket): AskSink {
  return {
    start: (event) => socket.emit('answer.start', event),
    delta: (event) => socket.emit('answer.delta', event),
    reset: (event) => socket.emit('answer.reset', event),
    sources: (event) => socket.emit('answer.sources', event),
    end: (event) => socket.emit('answer.end', event),
    error: (event) => socket.emit('answer.error', event),
  };
}

/** A handshake refusal: `connect_error` with a clear message and `data: {code, message}`. */
function handshakeError(error: unknown): ExtendedError {
  const { code, message } = toClientError(error);
  const refusal: ExtendedError = new Error(message);
  refusal.data = { code, message };
  return refusal;
}
