import type { Database } from 'better-sqlite3';

/**
 * Schema migrations, applied in order at open; `PRAGMA user_version` records how far a database
 * got. Never edit a shipped migration: add the next one. Every text column that can hold citizen
 * input (question, answer, comment) is written masked by the caller.
 */
const MIGRATIONS: readonly string[] = [
  // 1: conversations, feedback, unanswered questions.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    bot TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

  CREATE TABLE turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    bot TEXT NOT NULL,
    ask_id TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT,
    lang TEXT,
    outcome TEXT NOT NULL,
    reason TEXT,
    faq_id TEXT,
    confidence REAL,
    latency_ms INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX turns_session ON turns (session_id, id);
  CREATE INDEX turns_created ON turns (created_at);

  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bot TEXT NOT NULL,
    session_id TEXT NOT NULL,
    ask_id TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    faq_id TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (bot, session_id, ask_id)
  );
  CREATE INDEX feedback_bot ON feedback (bot, created_at);

  CREATE TABLE unanswered (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bot TEXT NOT NULL,
    session_id TEXT NOT NULL,
    question TEXT NOT NULL,
    lang TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX unanswered_bot ON unanswered (bot, created_at);
  `,
];

/** Brings `db` up to the latest schema, one transaction per migration. */
export function migrateDatabase(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this govchat (${MIGRATIONS.length}); upgrade govchat`);
  }
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}
