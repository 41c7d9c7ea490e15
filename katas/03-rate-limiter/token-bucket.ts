import { NotImplementedError } from '../not-implemented-error.js';
import type { LimiterOptions, RateLimiter } from './rate-limit.js';

/**
 * Step 3. Token bucket: `limit` tokens refilled at `limit` per `windowMs`, a request takes
 * one; read, refill, take and write back in one Lua script. Read README.md, "Step 3",
 * then replace each `throw`.
 */
export function createTokenBucket({ redis, namespace }: LimiterOptions): RateLimiter {
  void redis;
  return {
    algorithm: 'token-bucket',
    namespace,
    keyFor(id) {
      throw new NotImplementedError('03-rate-limiter', 3, `tokenBucket.keyFor("${id}")`);
    },
    async check(id) {
      throw new NotImplementedError('03-rate-limiter', 3, `tokenBucket.check("${id}", …)`);
    },
  };
}
