import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOT_ID_PATTERN, GovchatError } from '@govchat/core';
import { z } from 'zod';

/**
 * The service's whole configuration, in one typed, validated place. Every field has a default that
 * works out of the box (`npm start` from a fresh clone), every field can be set from an
 * environment variable (see {@link CONFIG_ENV_VARS} and docs/configuration.md), and
 * `createServer(overrides)` can set any of them directly (tests do).
 */
export interface ServerConfig {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  readonly host: string;
  /** Where indexes and the SQLite database live (absolute). */
  readonly dataDir: string;
  /** The departments' corpora, one `<bot-id>/` folder each (absolute). */
  readonly corporaDir: string;
  /** The SQLite file for sessions, feedback and unanswered questions (absolute). */
  readonly dbFile: string;
  /** Admin API key for every bot; absent (and no per-bot key) = admin API disabled. */
  readonly adminKey?: string;
  /** Admin API keys that manage one bot each, by bot id. */
  readonly botAdminKeys: Readonly<Record<string, string>>;
  /** When set, `GET /metrics` needs `Authorization: Bearer <metricsKey>`. */
  readonly metricsKey?: string;
  readonly logLevel: LogLevel;
  /** Express's `trust proxy`: false, true (trust X-Forwarded-For) or the number of proxy hops. */
  readonly trustProxy: boolean | number;
  /** The built widget served at `/widget.js` (absolute). */
  readonly widgetFile: string;
  /** Ingest `corporaDir` into `dataDir` on start (only missing or stale indexes are rebuilt). */
  readonly ingestOnStart: boolean;
  /** A conversation kept in memory this long after its last message. */
  readonly sessionIdleMs: number;
  /** Earlier user turns given to the engine to resolve follow-ups. */
  readonly historyTurns: number;
  /** Longest question accepted, in characters. */
  readonly maxMessageChars: number;
  /** Asks one socket may have in flight at once. */
  readonly maxConcurrentAsks: number;
  readonly rateLimitWindowMs: number;
  /** Asks per session (socket or REST) per window. */
  readonly rateLimitPerSession: number;
  /** Asks per client IP per window, across all its sessions. */
  readonly rateLimitPerIp: number;
  /** An ask not finished by then ends with TIMEOUT. */
  readonly answerTimeoutMs: number;
  /** Pause between streamed chunks (0 = as fast as they are produced). */
  readonly streamDelayMs: number;
  /** Largest JSON request body. */
  readonly jsonLimitBytes: number;
  /** Largest corpus upload. */
  readonly uploadLimitBytes: number;
  /** Largest Socket.IO message; a bigger one closes the connection (a transport limit). */
  readonly socketBufferBytes: number;
  /** How long `close()` waits for in-flight answers before cancelling them. */
  readonly shutdownGraceMs: number;
  /** Conversations, feedback and unanswered questions older than this are deleted; 0 keeps them. */
  readonly retentionDays: number;
  /**
   * Scale-out: a Redis server shared by every node (`redis://[:password@]host:port[/db]`,
   * `rediss://` for TLS). Unset = a single node, everything in process.
   */
  readonly redisUrl?: string;
  /** Prefix of every Redis key and channel, so environments can share one Redis. */
  readonly redisPrefix: string;
  /** A Redis command not answered by then counts as a failure and the node falls back to itself. */
  readonly redisTimeoutMs: number;
  /** Pick up indexes that another process wrote into `dataDir` (`govchat ingest`, another node). */
  readonly watchIndexes: boolean;
  /** How often every bot's CURRENT is re-read, as a fallback to file-system events; 0 = never. */
  readonly indexPollMs: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

type ValueKind = 'int' | 'string' | 'bool' | 'trustProxy';

/** Environment variable of each setting (per-bot admin keys: `GOVCHAT_ADMIN_KEY_<BOT_ID>`). */
export const CONFIG_ENV_VARS = {
  port: 'PORT',
  host: 'HOST',
  dataDir: 'GOVCHAT_DATA_DIR',
  corporaDir: 'GOVCHAT_CORPORA_DIR',
  dbFile: 'GOVCHAT_DB_FILE',
  adminKey: 'GOVCHAT_ADMIN_KEY',
  metricsKey: 'GOVCHAT_METRICS_KEY',
  logLevel: 'GOVCHAT_LOG_LEVEL',
  trustProxy: 'GOVCHAT_TRUST_PROXY',
  widgetFile: 'GOVCHAT_WIDGET_FILE',
  ingestOnStart: 'GOVCHAT_INGEST_ON_START',
  sessionIdleMs: 'GOVCHAT_SESSION_IDLE_MS',
  historyTurns: 'GOVCHAT_HISTORY_TURNS',
  maxMessageChars: 'GOVCHAT_MAX_MESSAGE_CHARS',
  maxConcurrentAsks: 'GOVCHAT_MAX_CONCURRENT_ASKS',
  rateLimitWindowMs: 'GOVCHAT_RATE_LIMIT_WINDOW_MS',
  rateLimitPerSession: 'GOVCHAT_RATE_LIMIT_PER_SESSION',
  rateLimitPerIp: 'GOVCHAT_RATE_LIMIT_PER_IP',
  answerTimeoutMs: 'GOVCHAT_ANSWER_TIMEOUT_MS',
  streamDelayMs: 'GOVCHAT_STREAM_DELAY_MS',
  jsonLimitBytes: 'GOVCHAT_JSON_LIMIT_BYTES',
  uploadLimitBytes: 'GOVCHAT_UPLOAD_LIMIT_BYTES',
  socketBufferBytes: 'GOVCHAT_SOCKET_BUFFER_BYTES',
  shutdownGraceMs: 'GOVCHAT_SHUTDOWN_GRACE_MS',
  retentionDays: 'GOVCHAT_RETENTION_DAYS',
  redisUrl: 'GOVCHAT_REDIS_URL',
  redisPrefix: 'GOVCHAT_REDIS_PREFIX',
  redisTimeoutMs: 'GOVCHAT_REDIS_TIMEOUT_MS',
  watchIndexes: 'GOVCHAT_INDEX_WATCH',
  indexPollMs: 'GOVCHAT_INDEX_POLL_MS',
} as const satisfies Record<Exclude<keyof ServerConfig, 'botAdminKeys'>, string>;

/** Prefix of the per-bot admin key variables: `GOVCHAT_ADMIN_KEY_IAM_SMART` manages `iam-smart`. */
export const BOT_ADMIN_KEY_PREFIX = 'GOVCHAT_ADMIN_KEY_';

type EnvField = keyof typeof CONFIG_ENV_VARS;

const KINDS: Record<EnvField, ValueKind> = {
  port: 'int',
  host: 'string',
  dataDir: 'string',
  corporaDir: 'string',
  dbFile: 'string',
  adminKey: 'string',
  metricsKey: 'string',
  logLevel: 'string',
  trustProxy: 'trustProxy',
  widgetFile: 'string',
  ingestOnStart: 'bool',
  sessionIdleMs: 'int',
  historyTurns: 'int',
  maxMessageChars: 'int',
  maxConcurrentAsks: 'int',
  rateLimitWindowMs: 'int',
  rateLimitPerSession: 'int',
  rateLimitPerIp: 'int',
  answerTimeoutMs: 'int',
  streamDelayMs: 'int',
  jsonLimitBytes: 'int',
  uploadLimitBytes: 'int',
  socketBufferBytes: 'int',
  shutdownGraceMs: 'int',
  retentionDays: 'int',
  redisUrl: 'string',
  redisPrefix: 'string',
  redisTimeoutMs: 'int',
  watchIndexes: 'bool',
  indexPollMs: 'int',
};

/** Two levels up from src/ or dist/: the repository root, which `widgetFile` is relative to. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  dataDir: 'data',
  corporaDir: 'corpora',
  logLevel: 'info',
  trustProxy: false,
  widgetFile: 'widget/dist/widget.js',
  ingestOnStart: true,
  sessionIdleMs: 30 * 60_000,
  historyTurns: 4,
  maxMessageChars: 1000,
  maxConcurrentAsks: 2,
  rateLimitWindowMs: 60_000,
  rateLimitPerSession: 20,
  rateLimitPerIp: 120,
  answerTimeoutMs: 15_000,
  streamDelayMs: 0,
  jsonLimitBytes: 32 * 1024,
  uploadLimitBytes: 10 * 1024 * 1024,
  socketBufferBytes: 64 * 1024,
  shutdownGraceMs: 10_000,
  retentionDays: 180,
  redisPrefix: 'govchat',
  redisTimeoutMs: 500,
  watchIndexes: true,
  indexPollMs: 5000,
} satisfies Partial<ServerConfig>;

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: `must be an integer${max === Number.MAX_SAFE_INTEGER ? ` of at least ${min}` : ` from ${min} to ${max}`}` })
    .int({ error: 'must be a whole number' })
    .min(min, { error: max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}` : `must be from ${min} to ${max}` })
    .max(max, { error: `must be at most ${max}` });

// Long random keys only: an admin key guards every department's corpus.
const key = z.string().min(16, { error: 'must be at least 16 characters (use e.g. `openssl rand -hex 24`)' });

const configSchema = z.object({
  port: int(0, 65535),
  host: z.string().min(1, { error: 'must not be empty' }),
  dataDir: z.string().min(1, { error: 'must not be empty' }),
  corporaDir: z.string().min(1, { error: 'must not be empty' }),
  dbFile: z.string().min(1, { error: 'must not be empty' }),
  adminKey: key.optional(),
  botAdminKeys: z.record(z.string().regex(BOT_ID_PATTERN, { error: 'is not a valid bot id' }), key),
  metricsKey: key.optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }),
  trustProxy: z.union([z.boolean(), int(0, 10)], { error: 'must be true, false or a number of proxy hops (0-10)' }),
  widgetFile: z.string().min(1, { error: 'must not be empty' }),
  ingestOnStart: z.boolean({ error: 'must be true or false' }),
  sessionIdleMs: int(1000),
  historyTurns: int(0, 10),
  maxMessageChars: int(1, 100_000),
  maxConcurrentAsks: int(1, 100),
  rateLimitWindowMs: int(10),
  rateLimitPerSession: int(1),
  rateLimitPerIp: int(1),
  answerTimeoutMs: int(10),
  streamDelayMs: int(0, 10_000),
  jsonLimitBytes: int(1024),
  uploadLimitBytes: int(1024),
  socketBufferBytes: int(1024),
  shutdownGraceMs: int(0),
  retentionDays: int(0),
  // Credentials may sit in the URL: it is never echoed back (see loadConfig) nor logged.
  redisUrl: z.string().regex(/^rediss?:\/\/[^\s/]+/, { error: 'must be a redis:// or rediss:// URL, e.g. redis://10.0.0.5:6379' }).optional(),
  redisPrefix: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, { error: 'must be 1-64 letters, digits or _ . : -' }),
  redisTimeoutMs: int(10, 60_000),
  watchIndexes: z.boolean({ error: 'must be true or false' }),
  indexPollMs: int(0).refine((ms) => ms === 0 || ms >= 100, { error: 'must be 0 (never) or at least 100' }),
});

/**
 * Reads the configuration from environment variables, applies `overrides` on top, fills in
 * defaults and validates the result. Relative paths are resolved against the current directory
 * (`widgetFile`: against the repository root).
 *
 * @throws GovchatError CONFIG_INVALID naming the variable (or option) and what it must be.
 * @example
 * const config = loadConfig(process.env, { port: 0 });
 * // PORT=abc → GovchatError: PORT must be an integer from 0 to 65535 (got "abc")
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const problems: Array<{ field: string; message: string }> = [];
  const fromEnv: Record<string, unknown> = {};
  for (const [field, name] of Object.entries(CONFIG_ENV_VARS) as Array<[EnvField, string]>) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = parseEnvValue(raw.trim(), KINDS[field]);
    if (parsed === undefined) problems.push({ field: name, message: `${name} ${describeKind(KINDS[field])} (got "${raw}")` });
    else fromEnv[field] = parsed;
  }
  const envBotKeys: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(BOT_ADMIN_KEY_PREFIX) || value === undefined || value === '') continue;
    envBotKeys[name.slice(BOT_ADMIN_KEY_PREFIX.length).toLowerCase().replaceAll('_', '-')] = value;
  }

  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const merged: Record<string, unknown> = {
    ...DEFAULTS,
    ...fromEnv,
    ...given,
    botAdminKeys: { ...envBotKeys, ...(overrides.botAdminKeys ?? {}) },
  };
  merged.dbFile ??= join(String(merged.dataDir ?? ''), 'govchat.sqlite');

  const result = configSchema.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [field, sub] = issue.path.map(String);
      const name = nameOf(field ?? '', sub, given, envBotKeys);
      const value = field === 'botAdminKeys' ? undefined : merged[field ?? ''];
      const secret = field === 'adminKey' || field === 'metricsKey' || field === 'redisUrl';
      const got = value === undefined || secret ? '' : ` (got ${JSON.stringify(value)})`;
      // A per-bot key variable whose suffix is not a bot id fails on the record's key.
      const message = issue.code === 'invalid_key' ? 'does not name a valid bot id (lower-case letters, digits and hyphens)' : issue.message;
      problems.push({ field: name, message: `${name} ${message}${got}` });
    }
  }
  if (problems.length > 0) {
    // The variables go in details, not `field`, which would only repeat them in the message.
    throw new GovchatError('CONFIG_INVALID', `invalid configuration: ${problems.map((p) => p.message).join('; ')}`, {
      details: { variables: problems.map((p) => p.field) },
    });
  }
  const config = result.data!;
  return {
    ...config,
    dataDir: resolve(config.dataDir),
    corporaDir: resolve(config.corporaDir),
    dbFile: resolve(config.dbFile),
    widgetFile: isAbsolute(config.widgetFile) ? config.widgetFile : resolve(REPO_ROOT, config.widgetFile),
  };
}

/** The environment variable (or createServer option) a setting came from, for error messages. */
function nameOf(field: string, sub: string | undefined, given: Record<string, unknown>, envBotKeys: Record<string, string>): string {
  if (field === 'botAdminKeys') {
    const botId = sub ?? '';
    if (botId in envBotKeys) return `${BOT_ADMIN_KEY_PREFIX}${botId.toUpperCase().replaceAll('-', '_')}`;
    return `createServer option botAdminKeys["${botId}"]`;
  }
  if (field in given) return `createServer option "${field}"`;
  return CONFIG_ENV_VARS[field as EnvField] ?? field;
}

function parseEnvValue(raw: string, kind: ValueKind): unknown {
  switch (kind) {
    case 'string':
      return raw;
    case 'int':
      return /^\d+$/.test(raw) ? Number(raw) : undefined;
    case 'bool':
      return parseBoolean(raw);
    case 'trustProxy':
      return /^\d+$/.test(raw) ? Number(raw) : parseBoolean(raw);
  }
}

function parseBoolean(raw: string): boolean | undefined {
  const value = raw.toLowerCase();
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (['false', 'no', 'off'].includes(value)) return false;
  return undefined;
}

function describeKind(kind: ValueKind): string {
  switch (kind) {
    case 'int':
      return 'must be a whole number';
    case 'bool':
      return 'must be true or false';
    case 'trustProxy':
      return 'must be true, false or a number of proxy hops';
    case 'string':
      return 'must be text';
  }
}
