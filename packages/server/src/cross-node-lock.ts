import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GovchatError } from '@govchat/core';
import type { RedisLink } from './redis-link.js';
import type { Logger } from './server-logger.js';

/** Extends the lock only while this holder still has it. */
const RENEW_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
/** Releases the lock only while this holder still has it (an expired lock may be someone else's now). */
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Runs tasks one at a time per key across every node sharing a Redis. */
export interface CrossNodeLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export interface CrossNodeLockOptions {
  readonly redis: RedisLink;
  /** Key prefix, e.g. `govchat:lock:`. */
  readonly prefix: string;
  readonly logger: Logger;
  /** The lock expires this long after its holder stops renewing it (a node that died). Default 60 s. */
  readonly ttlMs?: number;
  /** Give up waiting (BUSY) after this long. Default 5 minutes. */
  readonly waitMs?: number;
}

/**
 * A Redis lock (`SET key token NX PX`), renewed while its task runs and released only by its
 * holder. Admin uploads for one bot take it, so two nodes never index the same bot at once: the
 * corpus file in the shared folder and the live index always come from the same upload. When
 * Redis cannot be asked the task runs unlocked (logged), as it would on a single node.
 *
 * @example
 * const lock = createCrossNodeLock({ redis, prefix: 'govchat:lock:', logger });
 * await lock.run('upload:housing', () => uploader.upload('housing', 'csv', text));
 */
export function createCrossNodeLock(options: CrossNodeLockOptions): CrossNodeLock {
  const { redis, logger } = options;
  const ttlMs = options.ttlMs ?? 60_000;
  const waitMs = options.waitMs ?? 5 * 60_000;

  async function acquire(key: string, token: string): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const outcome = await redis.run<'held' | 'taken' | 'unavailable'>(
        'lock',
        async (client) => ((await client.set(key, token, { NX: true, PX: ttlMs })) === 'OK' ? 'held' : 'taken'),
        () => 'unavailable',
      );
      if (outcome === 'held') return true;
      if (outcome === 'unavailable') {
        logger.warn({ lock: key }, 'Redis unavailable: going ahead without the cross-node lock');
        return false;
      }
      if (Date.now() > deadline) {
        throw new GovchatError('BUSY', 'another node has been reindexing this bot for too long; please try again later');
      }
      await sleep(200);
    }
  }

  return {
    async run(name, task) {
      const key = `${options.prefix}${name}`;
      const token = randomBytes(16).toString('hex');
      if (!(await acquire(key, token))) return task();
      const renew = setInterval(() => {
        void redis.run('lock-renew', (client) => client.eval(RENEW_SCRIPT, { keys: [key], arguments: [token, String(ttlMs)] }), () => 0);
      }, ttlMs / 3);
      renew.unref();
      try {
        return await task();
      } finally {
        clearInterval(renew);
        await redis.run('lock-release', (client) => client.eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] }), () => 0);
      }
    },
  };
}
