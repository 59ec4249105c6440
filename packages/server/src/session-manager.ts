import { randomBytes } from 'node:crypto';
import type { ChatStore } from './chat-store.js';

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
   * The session `requestedId` names when it exists and belongs to `bot` (in memory, else restored
   * from the database); otherwise a new session with a fresh random id. A client can never choose
   * a session id, and an id from another bot's conversation starts a fresh one.
   */
  resume(bot: string, requestedId?: string): ChatSession;
  /** The live session, without creating one. */
  find(bot: string, id: string): ChatSession | undefined;
  /** Remembers a question for follow-ups and the ask for feedback. */
  addTurn(session: ChatSession, askId: string, question: string, faqId: string | undefined): void;
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
  readonly now?: () => number;
}

/** Session ids are 144 random bits, base64url: unguessable, URL- and log-safe. */
const SESSION_ID = /^[A-Za-z0-9_-]{24}$/;
const ASKS_KEPT = 50;

/** @example if (isSessionId(auth.session)) sessions.resume(bot, auth.session) */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID.test(value);
}

/**
 * In-memory conversations with idle expiry, backed by the database so a reconnect resumes its
 * history even after the memory copy expired (or the server restarted).
 *
 * @example
 * const sessions = createSessionManager({ store, idleMs: 30 * 60_000, historyTurns: 4 });
 * const session = sessions.resume('housing', auth.session);
 */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const now = options.now ?? Date.now;
  const keep = Math.max(options.historyTurns, 1);
  const live = new Map<string, ChatSession>();
  // Sweep often enough that memory tracks the TTL, but never busily.
  const timer = setInterval(() => sweep(), Math.min(Math.max(options.idleMs, 1000), 60_000));
  timer.unref();

  function isExpired(session: ChatSession): boolean {
    return now() - session.lastSeenAt > options.idleMs;
  }

  function fresh(bot: string): ChatSession {
    const session: ChatSession = { id: randomBytes(18).toString('base64url'), bot, history: [], asks: new Map(), lastSeenAt: now() };
    live.set(session.id, session);
    return session;
  }

  function find(bot: string, id: string): ChatSession | undefined {
    const session = live.get(id);
    if (session === undefined || session.bot !== bot) return undefined;
    if (isExpired(session)) {
      live.delete(id);
      return undefined;
    }
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
    resume(bot, requestedId) {
      if (!isSessionId(requestedId)) return fresh(bot);
      const inMemory = live.get(requestedId);
      if (inMemory !== undefined && inMemory.bot !== bot) return fresh(bot);
      const found = find(bot, requestedId);
      if (found !== undefined) {
        found.lastSeenAt = now();
        return found;
      }
      const stored = options.store.findSession(requestedId);
      if (stored === undefined || stored.bot !== bot) return fresh(bot);
      const restored: ChatSession = {
        id: stored.id,
        bot,
        history: options.store.recentQuestions(stored.id, keep),
        asks: new Map(),
        lastSeenAt: now(),
      };
      live.set(restored.id, restored);
      return restored;
    },
    find,
    addTurn(session, askId, question, faqId) {
      session.history.push(question);
      if (session.history.length > keep) session.history.splice(0, session.history.length - keep);
      session.asks.set(askId, faqId);
      if (session.asks.size > ASKS_KEPT) session.asks.delete(session.asks.keys().next().value!);
      session.lastSeenAt = now();
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
