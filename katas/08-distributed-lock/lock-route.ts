import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { NotImplementedError } from '../not-implemented-error.js';
import type { HoldLock } from './hold.js';

/**
 * Step 8. The hold of `POST /locks/:resource` on one Redis: `withLock` with one try
 * (`timeoutMs: 0`), a fencing token, `holdMs` of waiting cut short by the AbortSignal.
 * `LockTimeoutError` → `LockedError`; `LockLostError` "taken" → `LockLostHttpError`;
 * "expired" → Redis trouble (503). Bound each Redis step with `withinMs` (within-ms.ts).
 */
export function singleInstanceHold(redis: RedisAdapter, namespace: string): HoldLock {
  void redis;
  void namespace;
  return async (resource) => {
    throw new NotImplementedError('08-distributed-lock', 8, `singleInstanceHold(…)("${resource}", …)`);
  };
}

/** Step 8. The same hold with Redlock over `instances` (quorum 2 of 3); the fencing token from INCR on `redis`. */
export function redlockHold(redis: RedisAdapter, instances: RedisAdapter[], namespace: string): HoldLock {
  void redis;
  void instances;
  void namespace;
  return async (resource) => {
    throw new NotImplementedError('08-distributed-lock', 8, `redlockHold(…)("${resource}", …)`);
  };
}
