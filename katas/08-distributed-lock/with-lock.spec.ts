import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import type { Lease } from './lock.js';
import { LockLostError } from './lock-errors.js';
import { createRedisLock } from './redis-lock.js';
import { withLock } from './with-lock.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('step 4 · extend, and withLock with auto-renewal', () => {
  test('extend sets the TTL again for the owner and returns the renewed lease', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const lease = await lock.tryAcquire('a', 2_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    const renewed = await lock.extend(lease, 5_000);
    expect(renewed).toMatchObject({ token: lease.token, ttlMs: 5_000 });
    expect(renewed?.validUntil).toBeGreaterThan(lease.validUntil);
    expect(await redis.pTtl(lease.key), 'PTTL after extend, in ms').toBeGreaterThan(4_500);
  });

  test('extend by someone who lost the lock answers null and leaves the new owner’s TTL alone', async ({
    redis,
    prefix,
  }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const lease = await lock.tryAcquire('a', 5_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    await redis.set(lease.key, 'someone-else', { px: 1_000 });
    expect(await lock.extend(lease, 60_000)).toBeNull();
    expect(await redis.pTtl(lease.key), 'PTTL of the other owner’s lock, in ms').toBeLessThanOrEqual(1_000);
  });

  test('extend of an expired lock answers null and creates no key', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const lease = await lock.tryAcquire('a', 50);
    if (!lease) throw new Error('expected the free lock to be taken');
    await sleep(120);
    expect(await lock.extend(lease, 5_000)).toBeNull();
    expect(await redis.exists(lease.key)).toBe(0);
  });

  test('extend is one round trip', async ({ redis, prefix, commandLog }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const lease = await lock.tryAcquire('a', 5_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    await lock.extend(lease, 5_000);
    commandLog.clear();
    await lock.extend(lease, 5_000);
    expect(commandLog.roundTrips, 'round trips for one extend').toHaveLength(1);
  });

  test('withLock runs the work under the lock, returns its result, and releases the lock', async ({
    redis,
    prefix,
  }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const result = await withLock(lock, 'a', { ttlMs: 5_000, timeoutMs: 0 }, async (signal, lease) => {
      expect(await redis.get(lease.key)).toBe(lease.token);
      expect(signal.aborted).toBe(false);
      return 42;
    });
    expect(result).toBe(42);
    expect(await redis.exists(`${prefix}lock:a`), 'lock key after withLock').toBe(0);
  });

  test('withLock releases the lock when the work throws, and rethrows that very error', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const workFailure = new TypeError('work failed');
    const failing = withLock(lock, 'a', { ttlMs: 5_000, timeoutMs: 0 }, async () => {
      throw workFailure;
    });
    expect(await rejectionOf(failing), 'what withLock rejected with').toBe(workFailure);
    expect(await redis.exists(`${prefix}lock:a`)).toBe(0);
  });

  test('renews the lock while the work runs: work of 900 ms keeps a 450 ms lock', async ({
    redis,
    prefix,
    connect,
  }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const rival = createRedisLock({ redis: connect(), namespace: prefix });
    await withLock(lock, 'a', { ttlMs: 450, timeoutMs: 0 }, async (signal) => {
      for (let i = 0; i < 6; i += 1) {
        await sleep(150);
        expect(await rival.tryAcquire('a', 5_000), `a rival got the lock after ${(i + 1) * 150} ms`).toBeNull();
      }
      expect(signal.aborted).toBe(false);
    });
  });

  test('stops renewing when the work ends: no extend is sent afterwards', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    let extends_ = 0;
    const counting = {
      ...lock,
      extend: (lease: Lease, ttlMs: number) => {
        extends_ += 1;
        return lock.extend(lease, ttlMs);
      },
    };
    // A 600 ms lock: a renewal every 200 ms, each with 600 ms to be confirmed even on a busy machine.
    await withLock(counting, 'a', { ttlMs: 600, timeoutMs: 0 }, () => sleep(1_000));
    const afterWork = extends_;
    expect(afterWork, 'renewals during 1000 ms of work on a 600 ms lock (one every 200 ms)').toBeGreaterThanOrEqual(3);
    await sleep(800);
    expect(extends_, 'renewals sent after the work ended').toBe(afterWork);
  });

  test('aborts the signal with LockLostError("taken") when another owner took the lock', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    let seen: unknown;
    const run = withLock(lock, 'a', { ttlMs: 600, timeoutMs: 0 }, async (signal, lease) => {
      await redis.set(lease.key, 'someone-else', { px: 5_000 });
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      seen = signal.reason;
    });
    expect(await rejectionOf(run), 'what withLock rejected with').toBeInstanceOf(LockLostError);
    expect(seen).toMatchObject({ name: 'LockLostError', reason: 'taken' });
    expect(await redis.get(`${prefix}lock:a`), 'the other owner’s lock is left alone').toBe('someone-else');
  });

  test('a holder whose Redis stops answering learns it before its TTL ends (reason "expired")', async ({
    outage,
    prefix,
  }) => {
    const lock = createRedisLock({ redis: outage.redis, namespace: prefix });
    const started = performance.now();
    // The TTL's end as this process sees it: a timer armed now for 300 ms. On a busy machine
    // both it and the holder's own timer fire late, by the same amount.
    const ttlEndedAfterMs = new Promise<number>((resolve) =>
      setTimeout(() => resolve(performance.now() - started), 300),
    );
    let abortedAfterMs = Number.POSITIVE_INFINITY;
    let lostBecause = '';
    const run = withLock(lock, 'a', { ttlMs: 300, timeoutMs: 0 }, async (signal) => {
      await outage.hang();
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      abortedAfterMs = performance.now() - started;
      lostBecause = (signal.reason as LockLostError).reason;
      await outage.comeBack();
      throw signal.reason;
    });
    expect(await rejectionOf(run), 'what withLock rejected with').toBeInstanceOf(LockLostError);
    expect(lostBecause, 'the LockLostError reason').toBe('expired');
    const ttlEnded = await ttlEndedAfterMs;
    expect(
      abortedAfterMs,
      `ms until the holder learned, for a 300 ms TTL that ended after ${Math.round(ttlEnded)} ms`,
    ).toBeLessThanOrEqual(ttlEnded + 25);
  });
});
