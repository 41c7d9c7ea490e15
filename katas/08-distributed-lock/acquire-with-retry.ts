import { NotImplementedError } from '../not-implemented-error.js';
import type { AcquireOptions, DistributedLock, Lease } from './lock.js';

/** Step 3. The pause before the next try, in ms: `retryDelayMs` plus a random whole number from 0 to `jitterMs`. */
export function pauseBeforeRetry(retryDelayMs: number, jitterMs: number): number {
  throw new NotImplementedError('08-distributed-lock', 3, `pauseBeforeRetry(${retryDelayMs}, ${jitterMs})`);
}

/**
 * Step 3. Tries `lock.tryAcquire` until it succeeds or `timeoutMs` has passed (then
 * rejects with `LockTimeoutError`), pausing `pauseBeforeRetry(…)` between tries, never past
 * the deadline. Read README.md, "Step 3".
 */
export async function acquireWithRetry(
  lock: DistributedLock,
  resource: string,
  options: AcquireOptions,
): Promise<Lease> {
  void lock;
  throw new NotImplementedError(
    '08-distributed-lock',
    3,
    `acquireWithRetry(lock, "${resource}", ${JSON.stringify(options)})`,
  );
}
