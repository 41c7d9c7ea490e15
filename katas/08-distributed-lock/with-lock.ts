import { NotImplementedError } from '../not-implemented-error.js';
import type { AcquireOptions, DistributedLock, LockedWork } from './lock.js';

/**
 * Step 4. Runs `work` while holding the lock on `resource` (taken with `acquireWithRetry`),
 * renews it every third of its TTL, and releases it when `work` settles. `work` gets an
 * AbortSignal that aborts with a `LockLostError` once the lock is lost or may be lost.
 * Rejects with a `LockLostError` when the lock was lost while `work` ran, or was someone
 * else’s at release. Read README.md, "Step 4".
 */
export async function withLock<T>(
  lock: DistributedLock,
  resource: string,
  options: AcquireOptions,
  work: LockedWork<T>,
): Promise<T> {
  void lock;
  void options;
  void work;
  throw new NotImplementedError('08-distributed-lock', 4, `withLock(lock, "${resource}", …)`);
}
