import type { LimiterOptions, RateLimiter } from '../../katas/03-rate-limiter/rate-limit.js';

/**
 * Fixed window: one counter per id, created by the first request of a window and deleted
 * by Redis when the window's TTL runs out. Redis' expiry is the clock: the app never reads
 * its own.
 */
export function createFixedWindow({ redis, namespace }: LimiterOptions): RateLimiter {
  const keyFor = (id: string) => `${namespace}${id}`;
  return {
    algorithm: 'fixed-window',
    namespace,
    keyFor,

    async check(id, { limit, windowMs }) {
      const key = keyFor(id);
      // One MULTI: atomic and one round trip. INCR creates the counter at 1 or adds to it;
      // PEXPIRE … NX gives it the window's TTL only when it has none, so later checks never
      // push the window's end back; PTTL says when it ends. A counter without a TTL cannot
      // exist, not even for a moment: nothing runs between the three.
      const [count, , ttl] = await redis.multi().incr(key).pExpire(key, windowMs, 'nx').pTtl(key).exec();
      // INCR ran either way: a denied request counts too, so `count` may pass `limit`.
      return {
        allowed: count <= limit,
        count,
        limit,
        remaining: Math.max(0, limit - count),
        resetMs: ttl > 0 ? ttl : windowMs,
      };
    },
  };
}
