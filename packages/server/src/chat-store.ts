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
 * because a full disk must not stop citizens getting answers. Admin reads do throw.
 */
export interface ChatStore {
  /** Records a turn (and its session); false when the write failed. */
  saveTurn(turn: TurnRecord): boolean;
  findSession(id: string): { id: string; bot: string; lastSeenAt: number } | undefined;
  /** The session's last `limit` questions that got an answer or a don't-know, oldest first. */
  recentQuestions(sessionId: string, limit: number): string[];
  /** The FAQ a session's ask was answered from; undefined when there is no such ask. */
  findTurn(bot: string, sessionId: string, askId: string): { faqId: string | undefined } | undefined;
  /** Records (or replaces) feedback on one ask; false when the write failed. */
  saveFeedback(feedback: FeedbackRecord): boolean;
  listUnanswered(bot: string, options: { since: number; limit: number }): UnansweredRow[];
  summariseFeedback(bot: string, options: { since: number }): FeedbackSummary;
  listFeedback(bot: string, options: { since: number; limit: number }): FeedbackRow[];
  /** Deletes everything older than `before` (epoch ms); returns the rows removed. */
  pruneBefore(before: number): number;
  close(): void;
}

export interface ChatStoreOptions {
  /** Called for every failed write or serving read; the store itself never logs. */
  readonly onError?: (op: string, error: unknown) => void;
}

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
  let db: BetterSqlite3.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // A short busy timeout: better-sqlite3 is synchronous, so waiting on a lock stalls every answer.
    db = new BetterSqlite3(file, { timeout: 1000 });
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
  const prune = db.transaction((before: number) => {
    let removed = 0;
    for (const table of ['turns', 'feedback', 'unanswered']) {
      removed += db.prepare(`DELETE FROM ${table} WHERE created_at < ?`).run(before).changes;
    }
    removed += db.prepare(`DELETE FROM sessions WHERE last_seen_at < ?`).run(before).changes;
    return removed;
  });

  function guarded<T>(op: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      onError(op, error);
      return fallback;
    }
  }

  return {
    saveTurn: (turn) =>
      guarded('save-turn', false, () => {
        writeTurn(turn);
        return true;
      }),
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
    saveFeedback: (feedback) =>
      guarded('save-feedback', false, () => {
        statements.upsertFeedback.run({ ...feedback, comment: feedback.comment ?? null, faqId: feedback.faqId ?? null });
        return true;
      }),
    listUnanswered: (bot, { since, limit }) => statements.listUnanswered.all(bot, since, limit) as UnansweredRow[],
    summariseFeedback(bot, { since }) {
      const counts = statements.countFeedback.all(bot, since) as Array<{ rating: string; n: number }>;
      return {
        up: counts.find((c) => c.rating === 'up')?.n ?? 0,
        down: counts.find((c) => c.rating === 'down')?.n ?? 0,
        downByFaq: statements.downByFaq.all(bot, since) as Array<{ faqId: string; down: number; up: number }>,
      };
    },
    listFeedback: (bot, { since, limit }) => statements.listFeedback.all(bot, since, limit) as FeedbackRow[],
    pruneBefore: (before) => guarded('prune', 0, () => prune(before)),
    close() {
      if (db.open) db.close();
    },
  };
}
