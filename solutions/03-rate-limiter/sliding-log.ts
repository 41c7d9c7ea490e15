import { randomBytes } from 'node:crypto';
import type { LimiterOptions, RateLimiter, RateLimitResult } from '../../katas/03-rate-limiter/rate-limit.js';

/**
 * KEYS[1] the log: a sorted set, one member per admitted request, scored by its time in ms.
 * ARGV[1] limit · ARGV[2] window in ms · ARGV[3] a unique member for this request.
 * Returns { allowed (1 or 0), count, resetMs }.
 *
 * A script, not a MULTI: the ZADD depends on the ZCARD before it, and a MULTI cannot branch.
 * (MULTI ZREMRANGEBYSCORE ZADD ZCARD PEXPIRE would log denied requests too, and a client
 * that keeps retrying would keep its own window full forever.)
 */
const SLIDING_LOG = `
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local time = redis.call('TIME')
-- Redis' clock in ms: seconds and microseconds.
local now = math.floor(tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  count = count + 1
  allowed = 1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local resetMs = window
if oldest[2] then resetMs = tonumber(oldest[2]) + window - now end
return { allowed, count, resetMs }
`;

/**
 * Sliding-window log: a sorted set of the admitted requests' times. A check forgets the
 * entries older than the window, counts the rest, and logs itself only when there is room.
 * Exact (no burst at a window boundary); costs one entry per admitted request.
 */
export function createSlidingLog({ redis, namespace }: LimiterOptions): RateLimiter {
  const script = redis.defineScript(SLIDING_LOG);
  const keyFor = (id: string) => `${namespace}${id}`;
  // A member only has to be unique: two requests in the same millisecond are two entries.
  // A random prefix per limiter (per app instance) and a counter: unique across instances,
  // and about 100 times cheaper than fresh random bytes per check (5 µs each, measured).
  const instance = randomBytes(8).toString('hex');
  let sequence = 0;
  const nextMember = () => {
    sequence += 1;
    return `${instance}:${sequence.toString(36)}`;
  };
  return {
    algorithm: 'sliding-log',
    namespace,
    keyFor,

    async check(id, { limit, windowMs }): Promise<RateLimitResult> {
      const [allowed, count, resetMs] = (await script.run([keyFor(id)], [limit, windowMs, nextMember()])) as number[];
      return {
        allowed: allowed === 1,
        count: count ?? 0,
        limit,
        remaining: Math.max(0, limit - (count ?? 0)),
        resetMs: Math.max(1, resetMs ?? windowMs),
      };
    },
  };
}
