import { GovchatError } from '@govchat/core';

/** The verdict on one request: allowed, or refused until `retryAfterMs` has passed. */
export type RateVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export interface RateLimiter {
  /** Counts one request against `key` (asynchronous: with several nodes the count lives in Redis). */
  take(key: string): Promise<RateVerdict>;
  close(): void;
}

export interface RateLimiterOptions {
  /** Requests allowed per key per window. */
  readonly limit: number;
  readonly windowMs: number;
  readonly now?: () => number;
}

/**
 * Fixed-window request counting per key (a session, an IP). A refused request does not count,
 * so a client that backs off gets in as soon as its window ends. Windows that have ended are
 * swept, so memory stays proportional to active clients.
 *
 * @example
 * const perIp = createRateLimiter({ limit: 120, windowMs: 60_000 });
 * const verdict = await perIp.take(ip);
 * if (!verdict.ok) throw new GovchatError('RATE_LIMITED', `try again in ${verdict.retryAfterMs} ms`);
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const local = createLocalCounter(options);
  return { take: async (key) => local.take(key), close: () => local.close() };
}

/** The in-process counter behind {@link createRateLimiter}, synchronous (also the Redis limiter's fallback). */
export function createLocalCounter(options: RateLimiterOptions): { take(key: string): RateVerdict; close(): void } {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; resetAt: number }>();
  const timer = setInterval(() => {
    const t = now();
    for (const [key, window] of windows) if (window.resetAt <= t) windows.delete(key);
  }, Math.max(options.windowMs, 1000));
  timer.unref();

  return {
    take(key) {
      const t = now();
      let window = windows.get(key);
      if (window === undefined || window.resetAt <= t) {
        window = { count: 0, resetAt: t + options.windowMs };
        windows.set(key, window);
      }
      if (window.count >= options.limit) return { ok: false, retryAfterMs: window.resetAt - t };
      window.count++;
      return { ok: true };
    },
    close() {
      clearInterval(timer);
      windows.clear();
    },
  };
}

/**
 * Counts one request, or throws RATE_LIMITED saying when to retry (`details.retryAfterMs`; the
 * REST error handler turns it into a Retry-After header).
 *
 * @example await enforceRateLimit(perIp, `ip:${req.ip}`);
 */
export async function enforceRateLimit(limiter: RateLimiter, key: string): Promise<void> {
  const verdict = await limiter.take(key);
  if (verdict.ok) return;
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  throw new GovchatError('RATE_LIMITED', `too many requests; please try again in ${seconds} s`, { details: { retryAfterMs: verdict.retryAfterMs } });
}
