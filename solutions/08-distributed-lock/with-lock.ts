import type { AcquireOptions, DistributedLock, Lease, LockedWork } from '../../katas/08-distributed-lock/lock.js';
import { LockLostError } from '../../katas/08-distributed-lock/lock-errors.js';
import { acquireWithRetry } from './acquire-with-retry.js';

/**
 * Runs `work` while holding the lock on `resource`, then releases it. While `work` runs the
 * lock is renewed every third of its TTL. `work` gets an AbortSignal that aborts (with a
 * `LockLostError`) as soon as the lock is known lost, or may be lost: a renewal found
 * another owner, or no renewal was confirmed before the TTL ran out (Redis down or slow).
 * Check `signal.aborted` before every write. Renewal stops when `work` settles, so the
 * library never keeps a lock alive longer than its TTL on its own.
 *
 * Rejects with a `LockLostError` when the lock was lost while `work` ran, or was someone
 * else's by the time it was released: the work did not run under the lock throughout.
 */
export async function withLock<T>(
  lock: DistributedLock,
  resource: string,
  options: AcquireOptions,
  work: LockedWork<T>,
): Promise<T> {
  const first = await acquireWithRetry(lock, resource, options);
  const renewal = keepRenewed(lock, first, options.ttlMs);
  let result: T;
  try {
    result = await work(renewal.signal, first);
  } catch (error) {
    // The work's own error matters more than a failed release (compare-and-delete is safe to skip: the TTL ends it).
    await lock.release(await renewal.stop()).catch(() => false);
    throw error;
  }
  const last = await renewal.stop();
  if (renewal.signal.aborted) {
    await lock.release(last).catch(() => false);
    throw renewal.signal.reason;
  }
  // Released by compare-and-delete: `false` means the lock was someone else's by the end.
  if (!(await lock.release(last))) throw new LockLostError(resource, 'taken');
  return result;
}

interface Renewal {
  readonly signal: AbortSignal;
  /** Stops renewing, waits for a renewal in flight, and returns the latest lease. */
  stop(): Promise<Lease>;
}

function keepRenewed(lock: DistributedLock, first: Lease, ttlMs: number): Renewal {
  const controller = new AbortController();
  const lose = (reason: LockLostError['reason']) => {
    if (!controller.signal.aborted) controller.abort(new LockLostError(first.resource, reason));
  };
  let lease = first;
  let inFlight: Promise<void> | null = null;
  let expiry = setTimeout(() => lose('expired'), lease.validUntil - performance.now());

  const renew = async () => {
    try {
      const renewed = await lock.extend(lease, ttlMs);
      if (!renewed) return lose('taken');
      lease = renewed;
      clearTimeout(expiry);
      expiry = setTimeout(() => lose('expired'), lease.validUntil - performance.now());
    } catch {
      // Redis did not answer: keep trying; the expiry timer aborts if no renewal lands in time.
    }
  };
  const timer = setInterval(
    () => {
      if (controller.signal.aborted || inFlight) return;
      inFlight = renew().finally(() => {
        inFlight = null;
      });
    },
    Math.max(1, Math.floor(ttlMs / 3)),
  );

  return {
    signal: controller.signal,
    async stop() {
      clearInterval(timer);
      clearTimeout(expiry);
      await inFlight;
      return lease;
    },
  };
}
