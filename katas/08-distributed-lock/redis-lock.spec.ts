import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { createRedisLock } from './redis-lock.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('step 1 · acquire and release', () => {
  test('keyFor puts the namespace and lock: in front of the resource', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    expect(lock.keyFor('invoice-7')).toBe(`${prefix}lock:invoice-7`);
  });

  test('tryAcquire takes a free lock: the key holds the lease token, with a PX TTL of at most ttlMs', async ({
    redis,
    prefix,
  }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const lease = await lock.tryAcquire('invoice-7', 5_000);
    expect(lease).toMatchObject({ resource: 'invoice-7', key: `${prefix}lock:invoice-7`, ttlMs: 5_000 });
    expect(await redis.get(`${prefix}lock:invoice-7`)).toBe(lease?.token);
    const ttl = await redis.pTtl(`${prefix}lock:invoice-7`);
    expect(ttl, 'PTTL of the lock key, in ms').toBeGreaterThan(4_500);
    expect(ttl, 'PTTL of the lock key, in ms').toBeLessThanOrEqual(5_000);
  });

  test('the token is random: two leases never share one', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const first = await lock.tryAcquire('a', 5_000);
    const second = await lock.tryAcquire('b', 5_000);
    expect(first?.token).toMatch(/^.{16,}$/);
    expect(first?.token).not.toBe(second?.token);
  });

  test('validUntil is at most ttlMs from now, on the monotonic clock', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const before = performance.now();
    const lease = await lock.tryAcquire('a', 1_000);
    expect(lease?.validUntil).toBeGreaterThanOrEqual(before + 1_000);
    expect(lease?.validUntil).toBeLessThanOrEqual(performance.now() + 1_000);
  });

  test('tryAcquire answers null at once while someone else holds the lock', async ({ redis, prefix, connect }) => {
    const mine = createRedisLock({ redis, namespace: prefix });
    const theirs = createRedisLock({ redis: connect(), namespace: prefix });
    expect(await theirs.tryAcquire('a', 5_000)).not.toBeNull();
    expect(await mine.tryAcquire('a', 5_000)).toBeNull();
  });

  test('tryAcquire is one round trip: SET NX PX', async ({ redis, prefix, commandLog }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    commandLog.clear();
    await lock.tryAcquire('a', 5_000);
    expect(commandLog.roundTrips, 'round trips for one tryAcquire').toHaveLength(1);
    expect(commandLog.commands[0]?.[0]?.toUpperCase()).toBe('SET');
  });

  test('release frees the lock: the key is gone and the next tryAcquire succeeds', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const lease = await lock.tryAcquire('a', 5_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    expect(await lock.release(lease)).toBe(true);
    expect(await redis.exists(`${prefix}lock:a`)).toBe(0);
    expect(await lock.tryAcquire('a', 5_000)).not.toBeNull();
  });

  test('a crashed holder blocks nobody past its TTL: the lock is free again after ttlMs', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    await lock.tryAcquire('a', 100);
    expect(await lock.tryAcquire('a', 100)).toBeNull();
    await expect.poll(() => lock.tryAcquire('a', 100), { timeout: 2_000, interval: 30 }).not.toBeNull();
  });

  test.for([0, -5, 1.5, Number.NaN])(
    'refuses a ttlMs of %s with a RangeError and writes nothing',
    async (ttlMs, { redis, prefix }) => {
      const lock = createRedisLock({ redis, namespace: prefix });
      const refusal = await rejectionOf(lock.tryAcquire('a', ttlMs));
      expect(refusal, `what tryAcquire('a', ${ttlMs}) rejected with`).toBeInstanceOf(RangeError);
      expect(await redis.exists(`${prefix}lock:a`)).toBe(0);
    },
  );
});

describe('step 2 · safe release', () => {
  test('release after the lock expired and another owner took it answers false and leaves their lock alone', async ({
    redis,
    prefix,
    connect,
  }) => {
    const mine = createRedisLock({ redis, namespace: prefix });
    const theirs = createRedisLock({ redis: connect(), namespace: prefix });
    const stale = await mine.tryAcquire('a', 50);
    if (!stale) throw new Error('expected the free lock to be taken');
    await sleep(120);
    const current = await theirs.tryAcquire('a', 5_000);
    expect(current, 'the expired lock is free for another owner').not.toBeNull();
    expect(await mine.release(stale)).toBe(false);
    expect(await redis.get(`${prefix}lock:a`), 'the other owner still holds the lock').toBe(current?.token);
  });

  test('release of a lock overwritten by a foreign owner answers false and keeps the foreign value', async ({
    redis,
    prefix,
  }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const lease = await lock.tryAcquire('a', 5_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    await redis.set(`${prefix}lock:a`, 'someone-else', { px: 5_000 });
    expect(await lock.release(lease)).toBe(false);
    expect(await redis.get(`${prefix}lock:a`)).toBe('someone-else');
  });

  test('releasing twice: true, then false', async ({ redis, prefix }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const lease = await lock.tryAcquire('a', 5_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    expect([await lock.release(lease), await lock.release(lease)]).toEqual([true, false]);
  });

  test('release is one round trip (a script: compare and delete happen as one step)', async ({
    redis,
    prefix,
    commandLog,
  }) => {
    const lock = createRedisLock({ redis, namespace: prefix });
    const warm = await lock.tryAcquire('warm', 5_000);
    if (warm) await lock.release(warm);
    const lease = await lock.tryAcquire('a', 5_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    commandLog.clear();
    await lock.release(lease);
    expect(commandLog.roundTrips, 'round trips for one release').toHaveLength(1);
    expect(commandLog.commands[0]?.[0]?.toUpperCase()).toMatch(/^EVAL(SHA)?$/);
  });
});
