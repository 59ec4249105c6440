import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { GovchatError } from '@govchat/core';
import { migrateDatabase } from './internal/store-migrations.js';

/** One finished (or failed) ask, with the citizen's text already masked. */
export interface TurnRecord {
  readonly sessionId: string;
  readonly bot: string;
  readonly askId: string;
  readonly question: string;
  readonly answer?: string;
  readonly lang?: string;
  readonly outcome: string;
  readonly reason?: string;
  readonly faqId?: string;
  readonly confidence?: number;
  readonly latencyMs?: number;
  /** Also list the question among the bot's unanswered ones. */
  readonly unanswered: boolean;
  readonly at: number;
}

export interface FeedbackRecord {
  readonly bot: string;
  readonly sessionId: string;
  readonly askId: string;
  readonly rating: 'up' | 'down';
  readonly comment?: string;
  readonly faqId?: string;
  readonly at: number;
}

export interface UnansweredRow {
  readonly question: string;
  readonly lang: string | null;
  readonly createdAt: number;
}

export interface FeedbackRow {
  readonly askId: string;
  readonly rating: 'up' | 'down';
  readonly comment: string | null;
  readonly faqId: string | null;
  readonly createdAt: number;
}

export interface FeedbackSummary {
  readonly up: number;
  readonly down: number;
  /** Down-votes by FAQ, most first: the answers that most need rewriting. */
  readonly downByFaq: ReadonlyArray<{ faqId: string; down: number; up: number }>;
}

/**
 * Conversations, feedback and unanswered questions in SQLite (WAL mode). Writes and the reads
 * that serve answers never throw: a failure is reported to `onError` and the caller carries on,
 * because a full disk or a locked file must not stop citizens getting answers. Admin reads do throw.
 *
 * Writes are queued and written together once per turn of the event loop. While the database
 * refuses them (locked, full, an I/O error) they wait and are retried with backoff, so a short
 * outage loses nothing and a long one costs the answers no time; only when the queue reaches
 * `maxPending` are the oldest records dropped (counted). Every read writes the queue first, so
 * the store always reads what it was given.
 */
export interface ChatStore {
  /** Queues a turn (and its session) for writing. */
  saveTurn(turn: TurnRecord): void;
  findSession(id: string): { id: string; bot: string; lastSeenAt: number } | undefined;
  /** The session's last `limit` questions that got an answer or a don't-know, oldest first. */
  recentQuestions(sessionId: string, limit: number): string[];
  /** The FAQ a session's ask was answered from; undefined when there is no such ask. */
  findTurn(bot: string, sessionId: string, askId: string): { faqId: string | undefined } | undefined;
  /** Queues feedback on one ask (replacing earlier feedback on it). */
  saveFeedback(feedback: FeedbackRecord): void;
  listUnanswered(bot: string, options: { since: number; limit: number }): UnansweredRow[];
  summariseFeedback(bot: string, options: { since: number }): FeedbackSummary;
  listFeedback(bot: string, options: { since: number; limit: number }): FeedbackRow[];
  /** Deletes everything older than `before` (epoch ms); returns the rows removed. */
  pruneBefore(before: number): number;
  /** Records waiting to be written. */
  readonly pending: number;
  /** Writes what waits, now; false when the database refused (it is retried later). */
  flush(): boolean;
  /** Writes what waits (one last try), then closes the file. */
  close(): void;
}

export interface ChatStoreOptions {
  /** Called for every failed write or serving read; the store itself never logs. */
  readonly onError?: (op: string, error: unknown) => void;
  /** Called when the number of records waiting changes. */
  readonly onPending?: (count: number) => void;
  /**
   * Called with how many records were given up on, and why: the database failed until the queue
   * was full (`overflow`), refused the record itself (`rejected`, also reported to `onError`), or
   * was still failing when the store closed (`closing`).
   */
  readonly onDrop?: (count: number, reason: 'overflow' | 'rejected' | 'closing') => void;
  /** Most records kept waiting while the database fails (default 10,000); the oldest go first. */
  readonly maxPending?: number;
  /** First retry delay after a failed write (default 500 ms), doubling up to 15 s. */
  readonly retryMs?: number;
  /** How long a write waits for another connection's lock (default 250 ms). */
  readonly busyTimeoutMs?: number;
}

type PendingWrite = { readonly kind: 'turn'; readonly turn: TurnRecord } | { readonly kind: 'feedback'; readonly feedback: FeedbackRecord };

/** SQLite result codes that mean "the database, not this record": wait and retry everything. */
const TRANSIENT_CODES = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|PROTOCOL|NOMEM|CORRUPT|NOTADB)/;
const BATCH_SIZE = 500;
const RETRY_MAX_MS = 15_000;

/**
 * Opens (creating and migrating) the database at `file`.
 *
 * @throws GovchatError INTERNAL when the file cannot be opened or migrated: that is a start-up
 *   problem an operator must see, unlike a failed write later on.
 * @example
 * const store = openChatStore('./data/govchat.sqlite', { onError: (op, e) => logger.error({ op, e }) });
 */
export function openChatStore(file: string, options: ChatStoreOptions = {}): ChatStore {
  const onError = options.onError ?? (() => {});
  const maxPending = options.maxPending ?? 10_000;
  const retryMs = options.retryMs ?? 500;
  let db: BetterSqlite3.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // A short busy timeout: better-sqlite3 is synchronous, so waiting on a lock stalls every
    // answer. A write that times out is not lost: it waits in the queue and is retried.
    db = new BetterSqlite3(file, { timeout: options.busyTimeoutMs ?? 250 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrateDatabase(db);
  } catch (cause) {
    throw new GovchatError('INTERNAL', `cannot open the database ${file}: ${(cause as Error).message}`, { file, cause });
  }

  const statements = {
    upsertSession: db.prepare(
      `INSERT INTO sessions (id, bot, created_at, last_seen_at) VALUES (@sessionId, @bot, @at, @at)
       ON CONFLICT (id) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
    ),
    insertTurn: db.prepare(
      `INSERT INTO turns (session_id, bot, ask_id, question, answer, lang, outcome, reason, faq_id, confidence, latency_ms, created_at)
       VALUES (@sessionId, @bot, @askId, @question, @answer, @lang, @outcome, @reason, @faqId, @confidence, @latencyMs, @at)`,
    ),
    insertUnanswered: db.prepare(
      `INSERT INTO unanswered (bot, session_id, question, lang, created_at) VALUES (@bot, @sessionId, @question, @lang, @at)`,
    ),
    findSession: db.prepare(`SELECT id, bot, last_seen_at AS lastSeenAt FROM sessions WHERE id = ?`),
    recentQuestions: db.prepare(
      `SELECT question FROM turns WHERE session_id = ? AND outcome IN ('answered', 'abstained')
       AND (reason IS NULL OR reason = 'low-confidence') ORDER BY id DESC LIMIT ?`,
    ),
    findTurn: db.prepare(`SELECT faq_id AS faqId FROM turns WHERE bot = ? AND session_id = ? AND ask_id = ? ORDER BY id DESC LIMIT 1`),
    upsertFeedback: db.prepare(
      `INSERT INTO feedback (bot, session_id, ask_id, rating, comment, faq_id, created_at)
       VALUES (@bot, @sessionId, @askId, @rating, @comment, @faqId, @at)
       ON CONFLICT (bot, session_id, ask_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, created_at = excluded.created_at`,
    ),
    listUnanswered: db.prepare(
      `SELECT question, lang, created_at AS createdAt FROM unanswered WHERE bot = ? AND created_at >= ? ORDER BY id DESC LIMIT ?`,
    ),
    countFeedback: db.prepare(`SELECT rating, COUNT(*) AS n FROM feedback WHERE bot = ? AND created_at >= ? GROUP BY rating`),
    downByFaq: db.prepare(
      `SELECT faq_id AS faqId, SUM(rating = 'down') AS down, SUM(rating = 'up') AS up FROM feedback
       WHERE bot = ? AND created_at >= ? AND faq_id IS NOT NULL GROUP BY faq_id HAVING down > 0 ORDER BY down DESC, faqId LIMIT 20`,
    ),
    listFeedback: db.prepare(
      `SELECT ask_id AS askId, rating, comment, faq_id AS faqId, created_at AS createdAt FROM feedback
       WHERE bot = ? AND created_at >= ? ORDER BY id DESC LIMIT ?`,
    ),
  };
  // Every named parameter must be bound: optional fields become NULL.
  const writeTurn = db.transaction((turn: TurnRecord) => {
    const row = {
      sessionId: turn.sessionId,
      bot: turn.bot,
      askId: turn.askId,
      question: turn.question,
      answer: turn.answer ?? null,
      lang: turn.lang ?? null,
      outcome: turn.outcome,
      reason: turn.reason ?? null,
      faqId: turn.faqId ?? null,
      confidence: turn.confidence ?? null,
      latencyMs: turn.latencyMs ?? null,
      at: turn.at,
    };
    statements.upsertSession.run(row);
    statements.insertTurn.run(row);
    if (turn.unanswered) statements.insertUnanswered.run(row);
  });
  const writeFeedback = (feedback: FeedbackRecord): void => {
    statements.upsertFeedback.run({ ...feedback, comment: feedback.comment ?? null, faqId: feedback.faqId ?? null });
  };
  const writeOne = (write: PendingWrite): void => (write.kind === 'turn' ? writeTurn(write.turn) : writeFeedback(write.feedback));
  const writeBatch = db.transaction((batch: readonly PendingWrite[]) => {
    for (const write of batch) writeOne(write);
  });
  const prune = db.transaction((before: number) => {
    let removed = 0;
    for (const table of ['turns', 'feedback', 'unanswered']) {
      removed += db.prepare(`DELETE FROM ${table} WHERE created_at < ?`).run(before).changes;
    }
    removed += db.prepare(`DELETE FROM sessions WHERE last_seen_at < ?`).run(before).changes;
    return removed;
  });

  const queue: PendingWrite[] = [];
  let scheduled = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  const opOf = (write: PendingWrite): string => (write.kind === 'turn' ? 'save-turn' : 'save-feedback');

  function enqueue(write: PendingWrite): void {
    queue.push(write);
    if (queue.length > maxPending) options.onDrop?.(queue.splice(0, queue.length - maxPending).length, 'overflow');
    options.onPending?.(queue.length);
    if (scheduled || retryTimer !== undefined || !db.open) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      flush();
    });
  }

  const isTransient = (error: unknown): boolean => TRANSIENT_CODES.test(String((error as { code?: unknown }).code));

  /** Writes the queue front to back; false (and a retry scheduled) when the database is failing. */
  function flush(): boolean {
    while (queue.length > 0 && db.open) {
      const batch = queue.slice(0, BATCH_SIZE);
      try {
        writeBatch(batch);
        queue.splice(0, batch.length);
      } catch (error) {
        if (isTransient(error)) return retryLater(batch[0]!, error);
        // A record the database will never take (a constraint, a trigger): write the batch one
        // by one and give up on such records alone, rather than block everything behind them.
        for (const write of batch) {
          try {
            writeOne(write);
          } catch (single) {
            if (isTransient(single)) return retryLater(write, single);
            onError(opOf(write), single);
            options.onDrop?.(1, 'rejected');
          }
          queue.shift();
        }
      }
    }
    failures = 0;
    options.onPending?.(queue.length);
    return true;
  }

  /** The database is failing, not the record: keep the queue and try again with backoff. */
  function retryLater(write: PendingWrite, error: unknown): false {
    onError(opOf(write), error);
    failures++;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        flush();
      },
      Math.min(retryMs * 2 ** (failures - 1), RETRY_MAX_MS),
    );
    retryTimer.unref();
    options.onPending?.(queue.length);
    return false;
  }

  /** Reads see every write given so far, unless the database is failing (then no retry storm). */
  function guarded<T>(op: string, fallback: T, run: () => T): T {
    if (queue.length > 0 && retryTimer === undefined) flush();
    try {
      return run();
    } catch (error) {
      onError(op, error);
      return fallback;
    }
  }

  function flushed<T>(run: () => T): T {
    if (queue.length > 0 && retryTimer === undefined) flush();
    return run();
  }

  return {
    saveTurn: (turn) => enqueue({ kind: 'turn', turn }),
    findSession: (id) =>
      guarded('find-session', undefined, () => statements.findSession.get(id) as { id: string; bot: string; lastSeenAt: number } | undefined),
    recentQuestions: (sessionId, limit) =>
      guarded('recent-questions', [], () =>
        (statements.recentQuestions.all(sessionId, limit) as Array<{ question: string }>).map((r) => r.question).reverse(),
      ),
    findTurn: (bot, sessionId, askId) =>
      guarded('find-turn', undefined, () => {
        const row = statements.findTurn.get(bot, sessionId, askId) as { faqId: string | null } | undefined;
        return row === undefined ? undefined : { faqId: row.faqId ?? undefined };
      }),
    saveFeedback: (feedback) => enqueue({ kind: 'feedback', feedback }),
    listUnanswered: (bot, { since, limit }) => flushed(() => statements.listUnanswered.all(bot, since, limit) as UnansweredRow[]),
    summariseFeedback(bot, { since }) {
      if (queue.length > 0 && retryTimer === undefined) flush();
      const counts = statements.countFeedback.all(bot, since) as Array<{ rating: string; n: number }>;
      return {
        up: counts.find((c) => c.rating === 'up')?.n ?? 0,
        down: counts.find((c) => c.rating === 'down')?.n ?? 0,
        downByFaq: statements.downByFaq.all(bot, since) as Array<{ faqId: string; down: number; up: number }>,
      };
    },
    listFeedback: (bot, { since, limit }) => flushed(() => statements.listFeedback.all(bot, since, limit) as FeedbackRow[]),
    pruneBefore: (before) => guarded('prune', 0, () => prune(before)),
    get pending() {
      return queue.length;
    },
    flush,
    close() {
      clearTimeout(retryTimer);
      retryTimer = undefined;
      if (!db.open) return;
      // Last chance for what waits; what the database still refuses is lost, and counted.
      if (!flush() && queue.length > 0) {
        clearTimeout(retryTimer);
        retryTimer = undefined;
        options.onDrop?.(queue.length, 'closing');
        queue.length = 0;
        options.onPending?.(0);
      }
      db.close();
    },
  };
}
