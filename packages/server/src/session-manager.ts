import { randomBytes } from 'node:crypto';
import type { ChatStore } from './chat-store.js';
import { UNAVAILABLE, type SharedSessions, type SharedSessionState } from './shared-sessions.js';

/** One conversation with one bot. `history` holds masked questions, oldest first. */
export interface ChatSession {
  readonly id: string;
  readonly bot: string;
  readonly history: string[];
  /** Ask ids answered in this session (recent ones), so feedback can be checked without the database. */
  readonly asks: Map<string, string | undefined>;
  lastSeenAt: number;
}

export interface SessionManager {
  /**
   * The session `requestedId` names when it exists and belongs to `bot` (in Redis when several
   * nodes share one, else in memory, else restored from this node's database); otherwise a new
   * session with a fresh random id. A client can never choose a session id, and an id from another
   * bot's conversation starts a fresh one. Resolves with the conversation's latest history.
   */
  resume(bot: string, requestedId?: string): Promise<ChatSession>;
  /** Remembers a question for follow-ups and the ask for feedback (on every node when shared). */
  addTurn(session: ChatSession, askId: string, question: string, faqId: string | undefined): Promise<void>;
  /**
   * The FAQ a recent ask of a live session was answered from (`faqId` undefined: it abstained);
   * undefined when no live session knows the ask (the database may still).
   */
  findAsk(bot: string, sessionId: string, askId: string): Promise<{ faqId: string | undefined } | undefined>;
  /** Drops sessions idle longer than the TTL from memory (they stay in the database). */
  sweep(): number;
  readonly size: number;
  close(): void;
}

export interface SessionManagerOptions {
  readonly store: ChatStore;
  readonly idleMs: number;
  /** Questions kept per session for follow-ups. */
  readonly historyTurns: number;
  /** Several nodes: conversations shared through Redis. Memory and the database stay the fallback. */
  readonly shared?: SharedSessions;
  readonly now?: () => number;
}

/** Session ids are 144 random bits, base64url: unguessable, URL- and log-safe. */
const SESSION_ID = /^[A-Za-z0-9_-]{24}$/;
/** Answered asks remembered per session, for feedback. */
export const ASKS_KEPT = 50;

/** @example if (isSessionId(auth.session)) await sessions.resume(bot, auth.session) */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID.test(value);
}

/**
 * Conversations with idle expiry. On one node they live in memory, backed by the database so a
 * reconnect resumes its history even after the memory copy expired (or the server restarted).
 * With `shared` (Redis), every node reads and writes the same conversation, and this node's
 * memory is a write-through copy that keeps answering follow-ups while Redis is unavailable.
 *
 * @example
 * const sessions = createSessionManager({ store, idleMs: 30 * 60_000, historyTurns: 4 });
 * const session = await sessions.resume('housing', auth.session);
 */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const now = options.now ?? Date.now;
  const keep = Math.max(options.historyTurns, 1);
  const { shared } = options;
  const live = new Map<string, ChatSession>();
  // Sweep often enough that memory tracks the TTL, but never busily.
  const timer = setInterval(() => sweep(), Math.min(Math.max(options.idleMs, 1000), 60_000));
  timer.unref();

  function isExpired(session: ChatSession): boolean {
    return now() - session.lastSeenAt > options.idleMs;
  }

  async function fresh(bot: string): Promise<ChatSession> {
    const session: ChatSession = { id: randomBytes(18).toString('base64url'), bot, history: [], asks: new Map(), lastSeenAt: now() };
    live.set(session.id, session);
    await shared?.create(session.id, bot);
    return session;
  }

  function findLive(bot: string, id: string): ChatSession | undefined {
    const session = live.get(id);
    if (session === undefined || session.bot !== bot) return undefined;
    if (isExpired(session)) {
      live.delete(id);
      return undefined;
    }
    return session;
  }

  /** This node's own knowledge: memory, then its database. */
  function resumeLocally(bot: string, id: string): ChatSession | 'other-bot' | undefined {
    const inMemory = live.get(id);
    if (inMemory !== undefined && inMemory.bot !== bot) return 'other-bot';
    const found = findLive(bot, id);
    if (found !== undefined) {
      found.lastSeenAt = now();
      return found;
    }
    const stored = options.store.findSession(id);
    if (stored === undefined) return undefined;
    if (stored.bot !== bot) return 'other-bot';
    const restored: ChatSession = { id: stored.id, bot, history: options.store.recentQuestions(stored.id, keep), asks: new Map(), lastSeenAt: now() };
    live.set(restored.id, restored);
    return restored;
  }

  /** The node's copy of a conversation, brought up to date with what every node sees. */
  function adopt(id: string, state: SharedSessionState): ChatSession {
    let session = live.get(id);
    if (session === undefined || session.bot !== state.bot) {
      session = { id, bot: state.bot, history: [], asks: new Map(), lastSeenAt: now() };
      live.set(id, session);
    }
    session.history.splice(0, session.history.length, ...state.history.slice(-keep));
    session.asks.clear();
    for (const [askId, faqId] of state.asks) session.asks.set(askId, faqId);
    session.lastSeenAt = now();
    return session;
  }

  function sweep(): number {
    let removed = 0;
    for (const [id, session] of live) {
      if (isExpired(session)) {
        live.delete(id);
        removed++;
      }
    }
    return removed;
  }

  return {
    async resume(bot, requestedId) {
      if (!isSessionId(requestedId)) return fresh(bot);
      const remote = shared === undefined ? UNAVAILABLE : await shared.load(requestedId);
      if (remote !== UNAVAILABLE && remote !== undefined) return remote.bot === bot ? adopt(requestedId, remote) : fresh(bot);
      const local = resumeLocally(bot, requestedId);
      if (local === undefined || local === 'other-bot') return fresh(bot);
      // Redis answered but had forgotten it (idle expiry, a Redis restart): share it again.
      if (remote === undefined) await shared?.seed(local.id, { bot, history: local.history, asks: [...local.asks] });
      return local;
    },
    async addTurn(session, askId, question, faqId) {
      session.history.push(question);
      if (session.history.length > keep) session.history.splice(0, session.history.length - keep);
      session.asks.set(askId, faqId);
      if (session.asks.size > ASKS_KEPT) session.asks.delete(session.asks.keys().next().value!);
      session.lastSeenAt = now();
      if (!live.has(session.id)) live.set(session.id, session);
      await shared?.addTurn(session.id, session.bot, askId, question, faqId);
    },
    async findAsk(bot, sessionId, askId) {
      if (shared !== undefined && isSessionId(sessionId)) {
        const remote = await shared.load(sessionId);
        if (remote !== UNAVAILABLE && remote !== undefined && remote.bot === bot) {
          const entry = remote.asks.find(([id]) => id === askId);
          if (entry !== undefined) return { faqId: entry[1] };
        }
      }
      const session = findLive(bot, sessionId);
      return session?.asks.has(askId) ? { faqId: session.asks.get(askId) } : undefined;
    },
    sweep,
    get size() {
      return live.size;
    },
    close() {
      clearInterval(timer);
      live.clear();
    },
  };
}
