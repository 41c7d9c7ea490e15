import { NotImplementedError } from '../not-implemented-error.js';
import type { LimiterOptions, RateLimiter } from './rate-limit.js';

/**
 * Step 2. Sliding-window log: a sorted set of the admitted requests' times, in one Lua
 * script that uses Redis' clock. Read README.md, "Step 2", then replace each `throw`.
 */
export function createSlidingLog({ redis, namespace }: LimiterOptions): RateLimiter {
  void redis;
  return {
    algorithm: 'sliding-log',
    namespace,
    keyFor(id) {
      throw new NotImplementedError('03-rate-limiter', 2, `slidingLog.keyFor("${id}")`);
    },
    async check(id) {
      throw new NotImplementedError('03-rate-limiter', 2, `slidingLog.check("${id}", …)`);
    },
  };
}
