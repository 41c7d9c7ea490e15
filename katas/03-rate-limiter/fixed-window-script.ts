import { NotImplementedError } from '../not-implemented-error.js';
import type { LimiterOptions, RateLimiter } from './rate-limit.js';

/**
 * Step 3, after the token bucket. The fixed window in its production form: the same
 * counter, key and answers as `createFixedWindow`, in one script call per check. The
 * plugin and the server use this one. Read README.md, "Step 3", then replace each `throw`.
 */
export function createFixedWindowScript({ redis, namespace }: LimiterOptions): RateLimiter {
  void redis;
  return {
    algorithm: 'fixed-window',
    namespace,
    keyFor(id) {
      throw new NotImplementedError('03-rate-limiter', 3, `fixedWindowScript.keyFor("${id}")`);
    },
    async check(id) {
      throw new NotImplementedError('03-rate-limiter', 3, `fixedWindowScript.check("${id}", …)`);
    },
  };
}
