import { NotImplementedError } from '../not-implemented-error.js';
import type { DistributedLock, LockOptions } from './lock.js';

/**
 * Steps 1, 2 and 4. A lock on one Redis: `tryAcquire` takes it with SET NX PX (step 1),
 * `release` gives it back with a Lua compare-and-delete (steps 1–2), `extend` renews it
 * with a Lua compare-and-PEXPIRE (step 4). Read README.md, "Step 1", then replace each
 * `throw` with the real thing.
 */
export function createRedisLock({ redis, namespace }: LockOptions): DistributedLock {
  void redis;
  return {
    keyFor(resource) {
      void namespace;
      throw new NotImplementedError('08-distributed-lock', 1, `lock.keyFor("${resource}")`);
    },
    async tryAcquire(resource, ttlMs) {
      throw new NotImplementedError('08-distributed-lock', 1, `lock.tryAcquire("${resource}", ${ttlMs})`);
    },
    async release(lease) {
      throw new NotImplementedError('08-distributed-lock', 1, `lock.release(<lease of "${lease.resource}">)`);
    },
    async extend(lease, ttlMs) {
      throw new NotImplementedError('08-distributed-lock', 4, `lock.extend(<lease of "${lease.resource}">, ${ttlMs})`);
    },
  };
}
