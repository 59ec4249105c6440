import { setTimeout as sleep } from 'node:timers/promises';
// Type only: the client library loads when a Redis URL is configured (a single node never needs it).
import type { createClient } from 'redis';
import type { Logger } from './server-logger.js';
import type { ServerMetrics } from './server-metrics.js';

export type RedisClient = ReturnType<typeof createClient>;

/**
 * This node's connections to the Redis shared by every node: one for commands (sessions, rate
 * limits) and a publish/subscribe pair for the Socket.IO adapter. Redis is a shared convenience,
 * never a single point of failure: every operation goes through {@link RedisLink.run} with a
 * fallback that answers from this node alone, so an outage degrades follow-ups across nodes and
 * shared rate limits, not answers.
 */
export interface RedisLink {
  /** Runs `command`, or `fallback` when Redis is down, slow or failing (counted, and logged once per outage). */
  run<T>(op: string, command: (client: RedisClient) => Promise<T>, fallback: () => T | Promise<T>): Promise<T>;
  /** Clients for `createAdapter(pub, sub)`; they never leave a rejected promise unhandled. */
  readonly adapterClients: { readonly pub: RedisClient; readonly sub: RedisClient };
  /** Whether commands are currently sent to Redis. */
  readonly isUp: boolean;
  /** Bounded: gives up politely after a second and disconnects. */
  close(): Promise<void>;
}

export interface RedisLinkOptions {
  /** May hold a password: it is never logged. */
  readonly url: string;
  /** A command not answered within this counts as failed. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly metrics: ServerMetrics;
  /** How long to wait for the first connection before serving without Redis (it keeps trying). */
  readonly connectWaitMs?: number;
}

/** After a failed command, skip Redis this long: a hung server must not cost every ask a timeout. */
const COOLDOWN_MS = 1000;
/** Reconnect quickly after a failover, without hammering a Redis that is down. */
const reconnectStrategy = (retries: number): number => Math.min(50 * 2 ** retries, 1000);

/**
 * Connects to Redis, waiting up to `connectWaitMs` (default: the command timeout × 4). When Redis
 * cannot be reached the node starts anyway, on its own, and joins as soon as Redis answers.
 *
 * @example
 * const redis = await connectRedis({ url: config.redisUrl, timeoutMs: 500, logger, metrics });
 * const n = await redis.run('ping', (c) => c.ping(), () => 'PONG');
 */
export async function connectRedis(options: RedisLinkOptions): Promise<RedisLink> {
  const { createClient } = await import('redis');
  const { logger, metrics, timeoutMs } = options;
  const where = describeTarget(options.url);
  // Commands fail at once while disconnected (no offline queue), so a request never waits for
  // Redis to come back; the pub/sub pair keeps its queue so subscriptions are restored.
  const client: RedisClient = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: { connectTimeout: Math.max(timeoutMs, 1000), reconnectStrategy },
  });
  const pub: RedisClient = createClient({ url: options.url, commandsQueueMaxLength: 1000, socket: { reconnectStrategy } });
  const sub: RedisClient = pub.duplicate();

  let up = false;
  let skipUntil = 0;
  let closed = false;
  metrics.redisUp.set(0);

  function markDown(op: string, error: unknown): void {
    if (closed) return;
    metrics.redisErrors.inc({ op });
    if (!up) return;
    up = false;
    metrics.redisUp.set(0);
    logger.error({ redis: where, op, err: describeError(error) }, 'Redis unavailable: sessions and rate limits fall back to this node');
  }

  function markUp(): void {
    if (up) return;
    up = true;
    skipUntil = 0;
    metrics.redisUp.set(1);
    logger.info({ redis: where }, 'Redis connected: sessions and rate limits are shared by every node');
  }

  // Without an 'error' listener a lost connection would crash the process.
  let lastConnectionError = 0;
  for (const [name, c] of [
    ['commands', client],
    ['publish', pub],
    ['subscribe', sub],
  ] as const) {
    c.on('error', (error: unknown) => {
      if (closed) return;
      if (name === 'commands') markDown('connection', error);
      else metrics.redisErrors.inc({ op: `${name}-connection` });
      // Reconnect attempts repeat the same error every second: keep one line a minute of it.
      const now = Date.now();
      if (now - lastConnectionError > 60_000) {
        lastConnectionError = now;
        logger.warn({ redis: where, connection: name, err: describeError(error) }, 'Redis connection error; retrying');
      }
    });
  }
  client.on('ready', markUp);

  const connecting = Promise.all([client.connect(), pub.connect(), sub.connect()]).catch((error: unknown) => markDown('connect', error));
  await Promise.race([connecting, sleep(options.connectWaitMs ?? timeoutMs * 4, undefined, { ref: false })]);
  if (!client.isReady) {
    logger.error({ redis: where }, 'Redis not reachable at start: serving on this node alone until it is');
  }

  return {
    async run(op, command, fallback) {
      if (!client.isReady || Date.now() < skipUntil) {
        metrics.redisFallbacks.inc({ op });
        return fallback();
      }
      try {
        const result = await withTimeout(command(client), timeoutMs, op);
        markUp();
        return result;
      } catch (error) {
        skipUntil = Date.now() + COOLDOWN_MS;
        markDown(op, error);
        metrics.redisFallbacks.inc({ op });
        return fallback();
      }
    },
    adapterClients: {
      pub: withHandledRejections(pub, (op, error) => markDown(`adapter-${op}`, error)),
      sub: withHandledRejections(sub, (op, error) => markDown(`adapter-${op}`, error)),
    },
    get isUp() {
      return client.isReady && Date.now() >= skipUntil;
    },
    async close() {
      closed = true;
      await Promise.all([client, pub, sub].map((c) => closeClient(c)));
      metrics.redisUp.set(0);
    },
  };
}

/** `redis://user:secret@host:6379/0` → `host:6379`: enough to find the server, no credentials. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'redis';
  }
}

function describeError(error: unknown): { message: string; code?: string } {
  const e = error as { message?: unknown; code?: unknown };
  return { message: String(e?.message ?? error), ...(typeof e?.code === 'string' ? { code: e.code } : {}) };
}

function withTimeout<T>(promise: Promise<T>, ms: number, op: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer "${op}" within ${ms} ms`)), ms);
  });
  // The command may still settle after the timeout: never leave that rejection unhandled.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function closeClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  try {
    if (client.isReady) await Promise.race([client.quit(), sleep(1000, undefined, { ref: false })]);
  } catch {
    // quitting a broken connection: disconnect below
  }
  if (client.isOpen) await client.disconnect().catch(() => {});
}

/**
 * The Socket.IO Redis adapter fires `publish`, `subscribe` and `unsubscribe` without handling the promise; a
 * command rejected during an outage would then be an unhandled rejection, which ends a Node
 * process. This view of the client handles every returned promise (callers that await still see
 * the rejection).
 */
function withHandledRejections(client: RedisClient, onError: (op: string, error: unknown) => void): RedisClient {
  return new Proxy(client, {
    get(target, property) {
      // The client itself as receiver: its getters read private fields a proxy does not have.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return function call(this: unknown, ...args: unknown[]) {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) result.catch((error: unknown) => onError(String(property), error));
        return result;
      };
    },
  });
}
