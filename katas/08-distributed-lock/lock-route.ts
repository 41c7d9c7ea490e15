import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { defineHttpError } from '../../server-kit/index.js';
import { NotImplementedError } from '../not-implemented-error.js';

export const LockedError = defineHttpError('locked', 409, 'Another holder has this lock; try again later.');
export const LockLostHttpError = defineHttpError(
  'lock_lost',
  409,
  'The lock expired and another owner took it before release: the hold was not exclusive.',
);

/** What `POST /locks/:resource` answers after a successful hold. */
export interface HoldResult {
  resource: string;
  fencingToken: number;
  heldMs: number;
}

/** Holds the lock on `resource` for `holdMs`, then releases it; throws the HTTP error of the contract otherwise. */
export type HoldLock = (resource: string, holdMs: number) => Promise<HoldResult>;

/** The single-instance lock's TTL, renewed every third of it while held: a crashed server frees it within 2 s. */
export const LOCK_TTL_MS = 2_000;

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
