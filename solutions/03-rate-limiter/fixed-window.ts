import type {
  LimiterOptions,
  RateLimiter,
  RateLimitResult,
  RateLimitRule,
} from '../../katas/03-rate-limiter/rate-limit.js';

/** The answer to a check that made the counter `count`, with `ttl` ms left in its window. */
function fixedWindowResult(count: number, ttl: number, { limit, windowMs }: RateLimitRule) {
  // INCR ran either way: a denied request counts too, so `count` may pass `limit`.
  return {
    allowed: count <= limit,
    count,
    limit,
    remaining: Math.max(0, limit - count),
    resetMs: ttl > 0 ? ttl : windowMs,
  } satisfies RateLimitResult;
}

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

    async check(id, rule) {
      const key = keyFor(id);
      // One MULTI: atomic and one round trip. INCR creates the counter at 1 or adds to it;
      // PEXPIRE … NX gives it the window's TTL only when it has none, so later checks never
      // push the window's end back; PTTL says when it ends. A counter without a TTL cannot
      // exist, not even for a moment: nothing runs between the three.
      const [count, , ttl] = await redis.multi().incr(key).pExpire(key, rule.windowMs, 'nx').pTtl(key).exec();
      return fixedWindowResult(count, ttl, rule);
    },
  };
}

/**
 * KEYS[1] the counter · ARGV[1] the window in ms. Returns { count, ttl in ms }.
 *
 * The MULTI's three commands as one script: one command and one reply instead of five
 * (MULTI, INCR, PEXPIRE, PTTL, EXEC), and fewer inside it. The first hit of a window (INCR
 * returned 1) sets the TTL and already knows it; every later hit only reads it.
 */
const FIXED_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return { count, tonumber(ARGV[1]) }
end
return { count, redis.call('PTTL', KEYS[1]) }
`;

/**
 * The production form of the fixed window: the same counter, key and answers as
 * `createFixedWindow`, in one EVALSHA per check. The plugin and the server use this one.
 */
export function createFixedWindowScript({ redis, namespace }: LimiterOptions): RateLimiter {
  const script = redis.defineScript(FIXED_WINDOW);
  const keyFor = (id: string) => `${namespace}${id}`;
  return {
    algorithm: 'fixed-window',
    namespace,
    keyFor,

    async check(id, rule) {
      const [count = 0, ttl = 0] = (await script.run([keyFor(id)], [rule.windowMs])) as number[];
      return fixedWindowResult(count, ttl, rule);
    },
  };
}
