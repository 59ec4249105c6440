import { createLocalCounter, type RateLimiter, type RateLimiterOptions } from './rate-limiter.js';
import type { RedisClient, RedisLink } from './redis-link.js';

type RedisClientLike = Pick<RedisClient, 'sendCommand'>;

/**
 * The same fixed window as the local limiter, in one Lua script so a count and its expiry are
 * atomic on the Redis every node shares: refused requests do not count, the window starts with
 * the first counted request and ends `windowMs` later. Returns `{allowed, msUntilReset}`.
 */
const TAKE_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if count > 0 and ttl < 0 then
  -- a counter without an expiry would block its client for ever: restart its window
  redis.call('DEL', KEYS[1])
  count = 0
end
if count >= tonumber(ARGV[1]) then
  return {0, ttl}
end
count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {1, redis.call('PTTL', KEYS[1])}
`;

export interface SharedRateLimiterOptions extends RateLimiterOptions {
  readonly redis: RedisLink;
  /** Key prefix, e.g. `govchat:rate:`. */
  readonly prefix: string;
}

/**
 * A rate limiter whose counts every node shares through Redis, so a client cannot multiply its
 * allowance by the number of nodes. While Redis is unavailable each node counts on its own
 * (limits hold per node) rather than refusing or waving everyone through.
 *
 * @example
 * const perIp = createSharedRateLimiter({ redis, prefix: 'govchat:rate:', limit: 120, windowMs: 60_000 });
 * await enforceRateLimit(perIp, `ip:${ip}`);
 */
export function createSharedRateLimiter(options: SharedRateLimiterOptions): RateLimiter {
  const local = createLocalCounter(options);
  let sha: string | undefined;

  async function evaluate(client: RedisClientLike, args: string[]): Promise<unknown> {
    // EVALSHA saves sending the script each time; after a Redis restart its cache is empty.
    if (sha !== undefined) {
      try {
        return await client.sendCommand(['EVALSHA', sha, ...args]);
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      }
    }
    sha = String(await client.sendCommand(['SCRIPT', 'LOAD', TAKE_SCRIPT]));
    return client.sendCommand(['EVALSHA', sha, ...args]);
  }

  return {
    take(key) {
      return options.redis.run(
        'rate-limit',
        async (client) => {
          const reply = await evaluate(client, ['1', `${options.prefix}${key}`, String(options.limit), String(options.windowMs)]);
          const [allowed, pttl] = reply as [number, number];
          return allowed === 1 ? { ok: true as const } : { ok: false as const, retryAfterMs: Math.max(1, Number(pttl)) };
        },
        () => local.take(key),
      );
    },
    close: () => local.close(),
  };
}
