import type { RedisLink } from './redis-link.js';

/** A conversation as every node sees it: its bot, recent masked questions and answered asks. */
export interface SharedSessionState {
  readonly bot: string;
  /** Masked questions, oldest first. */
  readonly history: readonly string[];
  /** Ask id → the FAQ it was answered from (undefined: abstained), oldest first. */
  readonly asks: ReadonlyArray<readonly [string, string | undefined]>;
}

/** Redis could not be asked: the caller decides from what this node knows. */
export const UNAVAILABLE = Symbol('redis-unavailable');

/**
 * Conversations kept in Redis with the idle TTL, so a client that reconnects to another node
 * (or whose REST calls land on different nodes) keeps its follow-ups and can rate its answers.
 * Per session: `<prefix>:session:<id>` (the bot), `…:turns` and `…:asks` (lists, trimmed), all
 * expiring together `idleMs` after the last use. Every method degrades: a failed read reports
 * {@link UNAVAILABLE}, a failed write is counted and skipped.
 */
export interface SharedSessions {
  load(id: string): Promise<SharedSessionState | undefined | typeof UNAVAILABLE>;
  /** Binds a new session to its bot. */
  create(id: string, bot: string): Promise<void>;
  /** Puts a conversation this node restored (from memory or its database) back into Redis. */
  seed(id: string, state: SharedSessionState): Promise<void>;
  /** Appends one answered question and its ask. */
  addTurn(id: string, bot: string, askId: string, question: string, faqId: string | undefined): Promise<void>;
}

export interface SharedSessionsOptions {
  readonly redis: RedisLink;
  /** Key prefix, e.g. `govchat:session:`. */
  readonly prefix: string;
  readonly idleMs: number;
  /** Questions kept per session. */
  readonly historyTurns: number;
  /** Answered asks kept per session (for feedback). */
  readonly asksKept: number;
}

/**
 * @example
 * const shared = createSharedSessions({ redis, prefix: 'govchat:session:', idleMs: 1_800_000, historyTurns: 4, asksKept: 50 });
 * const state = await shared.load(sessionId);
 */
export function createSharedSessions(options: SharedSessionsOptions): SharedSessions {
  const { redis, idleMs } = options;
  const keep = Math.max(options.historyTurns, 1);
  const keys = (id: string) => ({ bot: `${options.prefix}${id}`, turns: `${options.prefix}${id}:turns`, asks: `${options.prefix}${id}:asks` });
  const encodeAsk = (askId: string, faqId: string | undefined): string => `${askId}\t${faqId ?? ''}`;
  const decodeAsk = (entry: string): readonly [string, string | undefined] => {
    const [askId = '', faqId = ''] = entry.split('\t');
    return [askId, faqId === '' ? undefined : faqId];
  };

  return {
    load(id) {
      const k = keys(id);
      return redis.run<SharedSessionState | undefined | typeof UNAVAILABLE>(
        'session-load',
        async (client) => {
          // Reading is using: the conversation's idle clock restarts on every node at once.
          const [bot, turns, asks] = (await client
            .multi()
            .get(k.bot)
            .lRange(k.turns, 0, -1)
            .lRange(k.asks, 0, -1)
            .pExpire(k.bot, idleMs)
            .pExpire(k.turns, idleMs)
            .pExpire(k.asks, idleMs)
            .exec()) as unknown as [string | null, string[], string[]];
          if (bot === null) return undefined;
          return { bot, history: turns.slice(-keep), asks: asks.map(decodeAsk) };
        },
        () => UNAVAILABLE,
      );
    },
    async create(id, bot) {
      await redis.run('session-create', (client) => client.set(keys(id).bot, bot, { PX: idleMs, NX: true }), () => null);
    },
    async seed(id, state) {
      const k = keys(id);
      await redis.run(
        'session-seed',
        async (client) => {
          const tx = client.multi().set(k.bot, state.bot, { PX: idleMs }).del(k.turns).del(k.asks);
          if (state.history.length > 0) tx.rPush(k.turns, [...state.history.slice(-keep)]).pExpire(k.turns, idleMs);
          if (state.asks.length > 0) tx.rPush(k.asks, state.asks.slice(-options.asksKept).map(([a, f]) => encodeAsk(a, f))).pExpire(k.asks, idleMs);
          return tx.exec();
        },
        () => null,
      );
    },
    async addTurn(id, bot, askId, question, faqId) {
      const k = keys(id);
      await redis.run(
        'session-turn',
        (client) =>
          client
            .multi()
            // SET, not NX: also re-binds a conversation whose keys expired mid-answer.
            .set(k.bot, bot, { PX: idleMs })
            .rPush(k.turns, question)
            .lTrim(k.turns, -keep, -1)
            .pExpire(k.turns, idleMs)
            .rPush(k.asks, encodeAsk(askId, faqId))
            .lTrim(k.asks, -options.asksKept, -1)
            .pExpire(k.asks, idleMs)
            .exec(),
        () => null,
      );
    },
  };
}
