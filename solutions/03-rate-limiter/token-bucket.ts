import type { LimiterOptions, RateLimiter, RateLimitResult } from '../../katas/03-rate-limiter/rate-limit.js';

/**
 * KEYS[1] the bucket: a hash { tokens, ts } (ts: Redis' time in ms of the last check).
 * ARGV[1] capacity · ARGV[2] ms to refill from empty to full.
 * Returns { allowed (1 or 0), count (tokens in use), remaining (whole tokens left), resetMs }.
 *
 * Read, refill, take, write back: all inside one script, so no other check runs in between
 * and the whole thing is one round trip.
 */
const TOKEN_BUCKET = `
local capacity, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local rate = capacity / window
local time = redis.call('TIME')
-- Redis' clock in ms: seconds and microseconds.
local now = math.floor(tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens, ts = tonumber(bucket[1]), tonumber(bucket[2])
if tokens == nil or ts == nil then tokens, ts = capacity, now end
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
-- Gone when it would be full again: a missing bucket is a full one.
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((capacity - tokens) / rate)))
local remaining = math.floor(tokens)
return { allowed, capacity - remaining, remaining, math.ceil((remaining + 1 - tokens) / rate) }
`;

/**
 * Token bucket: `limit` tokens, refilled continuously at `limit` per `windowMs`; a request
 * takes one. Allows a burst of `limit`, then a steady rate. Two fields per id, whatever the limit.
 */
export function createTokenBucket({ redis, namespace }: LimiterOptions): RateLimiter {
  const script = redis.defineScript(TOKEN_BUCKET);
  const keyFor = (id: string) => `${namespace}${id}`;
  return {
    algorithm: 'token-bucket',
    namespace,
    keyFor,

    async check(id, { limit, windowMs }): Promise<RateLimitResult> {
      const [allowed, count, remaining, resetMs] = (await script.run([keyFor(id)], [limit, windowMs])) as number[];
      return {
        allowed: allowed === 1,
        count: count ?? 0,
        limit,
        remaining: remaining ?? 0,
        resetMs: Math.max(1, resetMs ?? windowMs),
      };
    },
  };
}
