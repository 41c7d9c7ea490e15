import type { AcquireOptions, DistributedLock, Lease } from '../../katas/08-distributed-lock/lock.js';
import { LockTimeoutError } from '../../katas/08-distributed-lock/lock-errors.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pause before the next try: the base delay plus a random share of the jitter. */
export function pauseBeforeRetry(retryDelayMs: number, jitterMs: number): number {
  return retryDelayMs + Math.floor(Math.random() * (jitterMs + 1));
}

/**
 * Tries to take the lock until `timeoutMs` has passed, pausing between tries. The random
 * jitter keeps contenders from retrying in lockstep (and hammering Redis together). Never
 * sleeps past the deadline: the last try happens at the deadline at the latest.
 */
export async function acquireWithRetry(
  lock: DistributedLock,
  resource: string,
  { ttlMs, timeoutMs, retryDelayMs = 50, jitterMs = 50 }: AcquireOptions,
): Promise<Lease> {
  if (!Number.isInteger(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`timeoutMs must be an integer number of milliseconds ≥ 0, not ${timeoutMs}.`);
  }
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const lease = await lock.tryAcquire(resource, ttlMs);
    if (lease) return lease;
    const left = deadline - performance.now();
    if (left <= 0) throw new LockTimeoutError(resource, timeoutMs);
    await sleep(Math.min(left, pauseBeforeRetry(retryDelayMs, jitterMs)));
  }
}
