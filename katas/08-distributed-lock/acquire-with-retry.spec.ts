import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { acquireWithRetry, pauseBeforeRetry } from './acquire-with-retry.js';
import type { DistributedLock } from './lock.js';
import { LockTimeoutError } from './lock-errors.js';
import { createRedisLock } from './redis-lock.js';

describe('step 3 · retry with jitter and a timeout', () => {
  test('pauseBeforeRetry is the base delay plus 0 to jitterMs, and differs from try to try', () => {
    const pauses = Array.from({ length: 200 }, () => pauseBeforeRetry(50, 40));
    for (const pause of pauses) {
      expect(Number.isInteger(pause), `${pause} ms is a whole number of ms`).toBe(true);
      expect(pause).toBeGreaterThanOrEqual(50);
      expect(pause).toBeLessThanOrEqual(90);
    }
    expect(new Set(pauses).size, 'distinct pauses among 200').toBeGreaterThan(10);
  });

  test('takes a free lock on the first try', async ({ redis, prefix, commandLog }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    commandLog.clear();
    const lease = await acquireWithRetry(lock, 'a', { ttlMs: 5_000, timeoutMs: 1_000 });
    expect(lease.resource).toBe('a');
    expect(commandLog.roundTrips, 'round trips for a free lock').toHaveLength(1);
  });

  test('waits for the holder to release, then takes the lock', async ({ redis, prefix, connect }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const holder = createRedisLock({ redis: connect(), namespace: prefix });
    const held = await holder.tryAcquire('a', 5_000);
    if (!held) throw new Error('expected the free lock to be taken');
    setTimeout(() => void holder.release(held), 150);
    const started = performance.now();
    const lease = await acquireWithRetry(lock, 'a', { ttlMs: 5_000, timeoutMs: 2_000, retryDelayMs: 20, jitterMs: 20 });
    const waitedMs = performance.now() - started;
    expect(lease.token).not.toBe(held.token);
    expect(waitedMs, 'ms waited for the release at 150 ms').toBeGreaterThanOrEqual(140);
    expect(waitedMs, 'ms waited for the release at 150 ms').toBeLessThan(1_000);
  });

  test('rejects with LockTimeoutError once timeoutMs has passed, not much later', async ({
    redis,
    prefix,
    connect,
  }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    await createRedisLock({ redis: connect(), namespace: prefix }).tryAcquire('a', 5_000);
    const started = performance.now();
    // The 200 ms as this process sees them: a timer armed now. On a busy machine it fires
    // late, and the retries' own timers too, by the same amount.
    const timeoutEndedAfterMs = new Promise<number>((resolve) =>
      setTimeout(() => resolve(performance.now() - started), 200),
    );
    const attempt = acquireWithRetry(lock, 'a', { ttlMs: 5_000, timeoutMs: 200, retryDelayMs: 30, jitterMs: 30 });
    expect(await rejectionOf(attempt), 'what it rejected with').toBeInstanceOf(LockTimeoutError);
    const waitedMs = performance.now() - started;
    const timeoutEnded = await timeoutEndedAfterMs;
    expect(waitedMs, 'ms before giving up, for timeoutMs 200').toBeGreaterThanOrEqual(190);
    expect(
      waitedMs,
      `ms before giving up, for timeoutMs 200 that ended after ${Math.round(timeoutEnded)} ms`,
    ).toBeLessThan(timeoutEnded + 200);
  });

  test('timeoutMs 0 tries exactly once', async ({ redis, prefix, connect, commandLog }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    await createRedisLock({ redis: connect(), namespace: prefix }).tryAcquire('a', 5_000);
    commandLog.clear();
    expect(await rejectionOf(acquireWithRetry(lock, 'a', { ttlMs: 5_000, timeoutMs: 0 }))).toBeInstanceOf(
      LockTimeoutError,
    );
    expect(commandLog.roundTrips, 'round trips with timeoutMs 0').toHaveLength(1);
  });

  test('pauses retryDelayMs between tries: a 300 ms wait with retryDelayMs 50 makes at most 10 tries, not hundreds', async ({
    redis,
    prefix,
    connect,
  }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    await createRedisLock({ redis: connect(), namespace: prefix }).tryAcquire('a', 5_000);
    // Each try as this process sees it: when its answer came, and when a 50 ms timer armed
    // at that answer fired. The pause before the next try is armed in the same turn, so on
    // a busy machine it fires late by as much as that timer, and right after it.
    const tries: { startedAt: number; answeredAt: number; pauseEndedAt: Promise<number> }[] = [];
    const watched = Object.assign(Object.create(lock) as DistributedLock, {
      tryAcquire: async (resource: string, ttlMs: number) => {
        const startedAt = performance.now();
        const lease = await lock.tryAcquire(resource, ttlMs);
        const answeredAt = performance.now();
        const pauseEndedAt = new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 50));
        tries.push({ startedAt, answeredAt, pauseEndedAt });
        return lease;
      },
    });
    const started = performance.now();
    expect(
      await rejectionOf(
        acquireWithRetry(watched, 'a', { ttlMs: 5_000, timeoutMs: 300, retryDelayMs: 50, jitterMs: 0 }),
      ),
    ).toBeInstanceOf(LockTimeoutError);
    // 0, 50, … 300 ms, and maybe a try or two in the last millisecond, where the timers'
    // whole milliseconds leave a fraction of one before the deadline.
    expect(tries.length, 'tries in 300 ms').toBeGreaterThanOrEqual(2);
    expect(tries.length, 'tries in 300 ms').toBeLessThanOrEqual(10);
    for (const [at, next] of tries.slice(1).entries()) {
      const previous = tries[at];
      if (!previous) throw new Error(`expected try ${at + 1} before try ${at + 2}`);
      const lateMs = next.startedAt - (await previous.pauseEndedAt);
      const what = `ms try ${at + 2} came after a 50 ms timer armed at the answer to try ${at + 1}`;
      expect(lateMs, what).toBeLessThan(30);
      // A pause that ends past the deadline may be cut short.
      if (previous.answeredAt + 55 <= started + 300) expect(lateMs, what).toBeGreaterThanOrEqual(-5);
    }
  });

  test('among 20 contenders for a lock held 100 ms each, every one gets it in turn', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    let inside = 0;
    let overlaps = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const lease = await acquireWithRetry(lock, 'a', {
          ttlMs: 2_000,
          timeoutMs: 8_000,
          retryDelayMs: 5,
          jitterMs: 10,
        });
        inside += 1;
        if (inside > 1) overlaps += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        inside -= 1;
        await lock.release(lease);
      }),
    );
    expect(overlaps, 'times two contenders held the lock at once').toBe(0);
  });
});
