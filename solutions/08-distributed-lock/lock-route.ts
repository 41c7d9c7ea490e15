import { RedisUnavailableError } from '../../adapters/errors/index.js';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { type HoldLock, LOCK_TTL_MS, LockedError, LockLostHttpError } from '../../katas/08-distributed-lock/hold.js';
import type { DistributedLock } from '../../katas/08-distributed-lock/lock.js';
import { LockLostError, LockTimeoutError } from '../../katas/08-distributed-lock/lock-errors.js';
import { withinMs } from '../../katas/08-distributed-lock/within-ms.js';
import { createFencingTokens } from './fencing.js';
import { createRedisLock } from './redis-lock.js';
import { createRedlock } from './redlock.js';
import { withLock } from './with-lock.js';

/** How long one Redis step of the route may take: a hung Redis answers 503 within 1 s. */
const REDIS_STEP_MS = 700;
/** Redlock's TTL is the hold plus this margin (Redlock here is not renewed). */
const REDLOCK_MARGIN_MS = 1_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** A lock whose `tryAcquire` gives up after `REDIS_STEP_MS`. */
function bounded(lock: DistributedLock): DistributedLock {
  return { ...lock, tryAcquire: (resource, ttlMs) => withinMs(lock.tryAcquire(resource, ttlMs), REDIS_STEP_MS) };
}

/**
 * The single-instance hold: `withLock` with one try, renewal, and the AbortSignal cutting
 * the hold short when the lock is lost. A lost lock because another owner took it is 409
 * `lock_lost`; one that could not be confirmed (Redis gone) is Redis trouble: 503.
 */
export function singleInstanceHold(redis: RedisAdapter, namespace: string): HoldLock {
  const lock = bounded(createRedisLock({ redis, namespace }));
  const tokens = createFencingTokens({ redis, namespace });
  return async (resource, holdMs) => {
    try {
      return await withLock(lock, resource, { ttlMs: LOCK_TTL_MS, timeoutMs: 0 }, async (signal) => {
        const fencingToken = await withinMs(tokens.next(resource), REDIS_STEP_MS);
        const started = performance.now();
        await sleep(holdMs, signal);
        return { resource, fencingToken, heldMs: Math.round(performance.now() - started) };
      });
    } catch (error) {
      throw toHttpError(error);
    }
  };
}

/**
 * The Redlock hold: a quorum of 2 of the three instances, the TTL covering the hold, the
 * fencing token from INCR on the app's own Redis. Released on every instance; when fewer
 * than a quorum still had our token, the hold was not exclusive: 409 `lock_lost`.
 */
export function redlockHold(redis: RedisAdapter, instances: RedisAdapter[], namespace: string): HoldLock {
  const redlock = createRedlock({ instances, namespace });
  const tokens = createFencingTokens({ redis, namespace });
  return async (resource, holdMs) => {
    const lease = await redlock.tryAcquire(resource, holdMs + REDLOCK_MARGIN_MS);
    if (!lease) throw new LockedError();
    try {
      const fencingToken = await withinMs(tokens.next(resource), REDIS_STEP_MS);
      const started = performance.now();
      await sleep(holdMs);
      const heldMs = Math.round(performance.now() - started);
      if ((await redlock.release(lease)) < redlock.quorum) throw new LockLostHttpError();
      return { resource, fencingToken, heldMs };
    } catch (error) {
      await redlock.release(lease).catch(() => 0);
      throw error;
    }
  };
}

function toHttpError(error: unknown): unknown {
  if (error instanceof LockTimeoutError) return new LockedError();
  if (error instanceof LockLostError) {
    if (error.reason === 'taken') return new LockLostHttpError();
    return new RedisUnavailableError(`Redis did not confirm the lock on "${error.resource}" within its TTL.`);
  }
  return error;
}
