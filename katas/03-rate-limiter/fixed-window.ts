import { NotImplementedError } from '../not-implemented-error.js';
import type { LimiterOptions, RateLimiter } from './rate-limit.js';

/**
 * Step 1. Fixed window: one counter per id, created by the first request of a window and
 * deleted by Redis when the window's TTL runs out. Read README.md, "Step 1", then replace
 * each `throw` with the real thing.
 */
export function createFixedWindow({ redis, namespace }: LimiterOptions): RateLimiter {
  void redis;
  return {
    algorithm: 'fixed-window',
    namespace,
    keyFor(id) {
      throw new NotImplementedError('03-rate-limiter', 1, `fixedWindow.keyFor("${id}")`);
    },
    async check(id) {
      throw new NotImplementedError('03-rate-limiter', 1, `fixedWindow.check("${id}", …)`);
    },
  };
}
