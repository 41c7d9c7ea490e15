import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { describe, expect, expectWithin, testWithInstances as test } from '../../harness/test.js';
import { createRedlock, quorumOf } from './redlock.js';

const adaptersOf = (instances: { redis: RedisAdapter }[]) => instances.map((instance) => instance.redis);

describe('step 7 · Redlock over three instances', () => {
  test('the quorum is a majority: 1 of 1, 2 of 3, 3 of 5', () => {
    expect([quorumOf(1), quorumOf(3), quorumOf(5)]).toEqual([1, 2, 3]);
  });

  test('takes the lock on every instance with one token, and reports validity below the TTL', async ({
    instances,
    prefix,
  }) => {
    const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix });
    expect(redlock.quorum).toBe(2);
    const started = performance.now();
    const lease = await redlock.tryAcquire('a', 1_000);
    const tookMs = Math.ceil(performance.now() - started);
    expect(lease).toMatchObject({ resource: 'a', key: `${prefix}lock:a`, granted: 3, ttlMs: 1_000 });
    // 1 000 ms less the time acquiring took (at most tookMs) and the drift allowance (12 ms).
    expectWithin(
      lease?.validityMs,
      { atLeast: 1_000 - tookMs - 12, atMost: 988 },
      `validity in ms for a 1000 ms TTL, after an acquire that took ${tookMs} ms`,
    );
    for (const { redis } of instances) expect(await redis.get(`${prefix}lock:a`)).toBe(lease?.token);
  });

  test('a second contender gets null while the lock is held, and leaves the holder’s keys alone', async ({
    instances,
    prefix,
  }) => {
    const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix });
    const lease = await redlock.tryAcquire('a', 5_000);
    expect(await redlock.tryAcquire('a', 5_000)).toBeNull();
    for (const { redis } of instances) expect(await redis.get(`${prefix}lock:a`)).toBe(lease?.token);
  });

  test('a minority grant is given back at once: holding 1 of 3 leaves no key of ours behind', async ({
    instances,
    prefix,
  }) => {
    const [first, second, third] = adaptersOf(instances);
    await second?.set(`${prefix}lock:a`, 'other', { px: 5_000 });
    await third?.set(`${prefix}lock:a`, 'other', { px: 5_000 });
    const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix });
    expect(await redlock.tryAcquire('a', 5_000)).toBeNull();
    expect(await first?.exists(`${prefix}lock:a`), 'our key on the instance that granted it').toBe(0);
  });

  test('still locks with one instance down: 2 of 3 is a quorum', async ({ instances, prefix }) => {
    const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix });
    await instances[2]?.goDown();
    const lease = await redlock.tryAcquire('a', 5_000);
    expect(lease?.granted).toBe(2);
    expect(await redlock.release(lease as NonNullable<typeof lease>)).toBe(2);
  });

  test.for(['goDown', 'hang'] as const)(
    'with two instances unreachable (%s), rejects with RedisUnavailableError within 1 s',
    async (how, { instances, prefix }) => {
      const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix });
      await instances[1]?.[how]();
      await instances[2]?.[how]();
      const started = performance.now();
      await expect(redlock.tryAcquire('a', 5_000)).rejects.toMatchObject({ name: 'RedisUnavailableError' });
      expect(performance.now() - started, 'ms until the answer').toBeLessThan(1_000);
      expect(await instances[0]?.redis.exists(`${prefix}lock:a`), 'our key on the one reachable instance').toBe(0);
      await instances[1]?.comeBack();
      await instances[2]?.comeBack();
    },
  );

  test('release deletes the lock on every instance and answers how many it deleted', async ({ instances, prefix }) => {
    const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix });
    const lease = await redlock.tryAcquire('a', 5_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    expect(await redlock.release(lease)).toBe(3);
    for (const { redis } of instances) expect(await redis.exists(`${prefix}lock:a`)).toBe(0);
    expect(await redlock.tryAcquire('a', 5_000)).not.toBeNull();
  });

  test('release is owner-only on every instance: a foreign value stays', async ({ instances, prefix }) => {
    const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix });
    const lease = await redlock.tryAcquire('a', 5_000);
    if (!lease) throw new Error('expected the free lock to be taken');
    await instances[0]?.redis.set(`${prefix}lock:a`, 'foreign', { px: 5_000 });
    expect(await redlock.release(lease)).toBe(2);
    expect(await instances[0]?.redis.get(`${prefix}lock:a`)).toBe('foreign');
  });

  test('a lease whose acquisition took longer than its TTL is refused: no validity left', async ({
    instances,
    prefix,
  }) => {
    const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix, instanceTimeoutMs: 200 });
    expect(await redlock.tryAcquire('a', 2)).toBeNull();
    for (const { redis } of instances) expect(await redis.exists(`${prefix}lock:a`)).toBe(0);
  });

  test('30 contenders with one instance down: never two holders at once', async ({ instances, prefix }) => {
    const redlock = createRedlock({ instances: adaptersOf(instances), namespace: prefix });
    await instances[0]?.goDown();
    let inside = 0;
    let overlaps = 0;
    let held = 0;
    await Promise.all(
      Array.from({ length: 30 }, async () => {
        for (let i = 0; i < 5; i += 1) {
          const lease = await redlock.tryAcquire('a', 2_000);
          if (!lease) {
            await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 5));
            continue;
          }
          held += 1;
          inside += 1;
          if (inside > 1) overlaps += 1;
          await new Promise((resolve) => setImmediate(resolve));
          inside -= 1;
          await redlock.release(lease);
        }
      }),
    );
    expect(held, 'leases granted').toBeGreaterThan(0);
    expect(overlaps, 'times two contenders held the lock at once').toBe(0);
  });
});
