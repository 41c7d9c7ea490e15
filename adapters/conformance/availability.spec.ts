import { createBackendAdapter } from '../../harness/backends.js';
import { findFreePort } from '../../harness/redis-source/free-port.js';
import { describe, expect, test } from '../../harness/test.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { timed } from './support.js';

/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused at once. */
const deadPort = findFreePort;

const cannotBeDown = (backend: string) =>
  `the ${backend} backend lives in memory and cannot be unreachable (capabilities.canBeUnavailable)`;

describe('a Redis that is down', () => {
  test('a command rejects with RedisUnavailableError within 1200 ms', async ({ redis, backend, skip }) => {
    skip(!redis.capabilities.canBeUnavailable, cannotBeDown(backend));
    const down = createBackendAdapter(backend, `redis://127.0.0.1:${await deadPort()}`);
    try {
      const { ms, result } = await timed(down.get('t:any:key'));
      expect(result).toEqual({ status: 'rejected', reason: expect.any(RedisUnavailableError) });
      expect(ms).toBeLessThan(1200);
    } finally {
      await down.close();
    }
  });

  test('a batch and a script reject with RedisUnavailableError too', async ({ redis, backend, skip }) => {
    skip(!redis.capabilities.canBeUnavailable, cannotBeDown(backend));
    const down = createBackendAdapter(backend, `redis://127.0.0.1:${await deadPort()}`);
    try {
      const [batch, script] = await Promise.allSettled([
        down.multi().set('t:any:key', 'v').exec(),
        down.defineScript('return 1').run([], []),
      ]);
      expect(batch).toEqual({ status: 'rejected', reason: expect.any(RedisUnavailableError) });
      expect(script).toEqual({ status: 'rejected', reason: expect.any(RedisUnavailableError) });
    } finally {
      await down.close();
    }
  });

  test('close returns promptly when Redis is down', async ({ redis, backend, skip }) => {
    skip(!redis.capabilities.canBeUnavailable, cannotBeDown(backend));
    const down = createBackendAdapter(backend, `redis://127.0.0.1:${await deadPort()}`);
    await down.get('t:any:key').catch(() => undefined);
    const { ms, result } = await timed(down.close());
    expect(result).toEqual({ status: 'fulfilled', value: undefined });
    expect(ms).toBeLessThan(500);
  });

  test('close returns promptly right after creating an adapter to a dead port', async ({ redis, backend, skip }) => {
    skip(!redis.capabilities.canBeUnavailable, cannotBeDown(backend));
    const down = createBackendAdapter(backend, `redis://127.0.0.1:${await deadPort()}`);
    const { ms } = await timed(down.close());
    expect(ms).toBeLessThan(500);
  });
});

describe('an outage', () => {
  test('commands fail fast while Redis is down and succeed again after it comes back', async ({ outage, prefix }) => {
    const { redis } = outage;
    await redis.set(`${prefix}k`, 'before the outage');

    await outage.goDown();
    const { ms, result } = await timed(redis.get(`${prefix}k`));
    expect(result).toEqual({ status: 'rejected', reason: expect.any(RedisUnavailableError) });
    expect(ms).toBeLessThan(1200);

    await outage.comeBack();
    await expect
      .poll(() => redis.get(`${prefix}k`).catch((error: unknown) => error), { timeout: 4000, interval: 100 })
      .toBe('before the outage');
  });

  test('a watch transaction fails fast while Redis is down, and one after it comes back commits', async ({
    outage,
    prefix,
  }) => {
    const { redis } = outage;
    const increment = () =>
      redis.watch(async (tx) => {
        await tx.watchKeys(`${prefix}n`);
        const n = Number((await tx.get(`${prefix}n`)) ?? 0);
        return tx
          .multi()
          .set(`${prefix}n`, String(n + 1))
          .exec();
      });
    // Leaves a WATCH connection idle, to be lent again during the outage.
    await increment();

    await outage.goDown();
    const { ms, result } = await timed(increment());
    expect(result).toEqual({ status: 'rejected', reason: expect.any(RedisUnavailableError) });
    expect(ms).toBeLessThan(1200);

    await outage.comeBack();
    await expect
      .poll(
        () =>
          increment().then(
            () => 'committed',
            (error: unknown) => error,
          ),
        { timeout: 4000, interval: 100 },
      )
      .toBe('committed');
    // Its other connections may still be reconnecting: the count is read once they are back.
    await expect
      .poll(() => redis.get(`${prefix}n`).catch((error: unknown) => error), { timeout: 4000, interval: 100 })
      .toSatisfy((n) => Number(n) >= 2);
  });
});
