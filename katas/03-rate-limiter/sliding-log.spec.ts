import { keysUnder, redisNowMs } from '../../harness/redis-keys.js';
import { describe, expect, expectRoundTrips, expectWithin, test, vi } from '../../harness/test.js';
import { createSlidingLog } from './sliding-log.js';

const minute = { limit: 3, windowMs: 60_000 };

describe('step 2 · sliding-window log', () => {
  test('the first check is allowed, with count 1 and limit - 1 remaining', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    expect(await limiter.check('u1', minute)).toMatchObject({ allowed: true, count: 1, limit: 3, remaining: 2 });
  });

  test('checks up to the limit are allowed, the next one is denied', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await limiter.check('u1', minute));
    expect(results.map(({ allowed, count, remaining }) => ({ allowed, count, remaining }))).toEqual([
      { allowed: true, count: 1, remaining: 2 },
      { allowed: true, count: 2, remaining: 1 },
      { allowed: true, count: 3, remaining: 0 },
      { allowed: false, count: 3, remaining: 0 },
    ]);
  });

  test('keyFor puts the namespace in front of the id', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    expect(limiter.keyFor('u1')).toBe(`${prefix}log:u1`);
  });

  test('the log is a sorted set under keyFor(id) with one entry per allowed request, none for denied ones', async ({
    redis,
    prefix,
  }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    for (let i = 0; i < 5; i += 1) await limiter.check('u1', minute);
    expect(await redis.type(`${prefix}log:u1`)).toBe('zset');
    expect(await redis.zCard(`${prefix}log:u1`)).toBe(3);
  });

  test('the log has a TTL of at most windowMs', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    await limiter.check('u1', minute);
    const ttl = await redis.pTtl(`${prefix}log:u1`);
    expectWithin(ttl, { above: 55_000, atMost: 60_000 }, 'the TTL in ms');
  });

  test('entries are scored with Redis’ clock in ms, not the app’s clock', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    // The app's clock is an hour fast; Redis' is right. (On the mock, Redis' clock is the app's.)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    let redisNow: number;
    try {
      await limiter.check('u1', minute);
      redisNow = await redisNowMs(redis);
    } finally {
      vi.useRealTimers();
    }
    const [entry] = await redis.zRangeWithScores(`${prefix}log:u1`, 0, -1);
    expectWithin(
      Math.abs((entry?.score ?? 0) - redisNow),
      { below: 5_000 },
      "the distance of the score from Redis' clock, in ms",
    );
  });

  test('a denied check says when the oldest request leaves the window', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    for (let i = 0; i < 3; i += 1) await limiter.check('u1', minute);
    const denied = await limiter.check('u1', minute);
    expectWithin(denied.resetMs, { above: 55_000, atMost: 60_000 }, 'resetMs, in ms');
  });

  test('the window slides: requests older than windowMs stop counting, younger ones still count', async ({
    redis,
    prefix,
  }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    const key = `${prefix}log:u1`;
    const now = await redisNowMs(redis);
    await redis.zAdd(key, [
      { member: 'gone-1', score: now - 65_000 },
      { member: 'gone-2', score: now - 63_000 },
      { member: 'recent', score: now - 10_000 },
    ]);
    await redis.pExpire(key, 60_000);
    // gone-1 and gone-2 are out of the window; recent and this request fill it.
    expect(await limiter.check('u1', { limit: 2, windowMs: 60_000 })).toMatchObject({ allowed: true, count: 2 });
    const denied = await limiter.check('u1', { limit: 2, windowMs: 60_000 });
    expect(denied.allowed).toBe(false);
    expect(await redis.zCard(key)).toBe(2);
    // The next slot frees when `recent` leaves the window: 50 s from now.
    expectWithin(denied.resetMs, { above: 45_000, atMost: 50_000 }, 'resetMs, in ms');
  });

  test('a denied id is allowed again once its oldest request has left the window', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    // A window of 1 s: the first three checks fall inside it even on a busy machine.
    const rule = { limit: 2, windowMs: 1_000 };
    await limiter.check('u1', rule);
    await limiter.check('u1', rule);
    expect((await limiter.check('u1', rule)).allowed, 'the third check, inside the window').toBe(false);
    await expect
      .poll(async () => (await limiter.check('u1', rule)).allowed, { timeout: 5_000, interval: 30 })
      .toBe(true);
  });

  test('each id has its own log', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    for (let i = 0; i < 4; i += 1) await limiter.check('u1', minute);
    expect(await limiter.check('u2', minute)).toMatchObject({ allowed: true, count: 1 });
  });

  test('every check is exactly one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    await limiter.check('warm-up', minute);
    for (let i = 1; i <= 5; i += 1) {
      commandLog.clear();
      await limiter.check('u1', minute);
      expectRoundTrips(commandLog, 1, `check ${i} of 5`);
    }
  });

  test('under 50 concurrent checks against a limit of 10, exactly 10 are allowed', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => limiter.check('u1', { limit: 10, windowMs: 60_000 })),
    );
    expect(results.filter((result) => result.allowed).length, 'checks allowed, of 50').toBe(10);
    expect(await redis.zCard(`${prefix}log:u1`)).toBe(10);
  });

  test('no log is ever left without a TTL', async ({ redis, prefix }) => {
    const limiter = createSlidingLog({ redis, namespace: `${prefix}log:` });
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => limiter.check(`user-${i % 8}`, { limit: 2, windowMs: 60_000 })),
    );
    const keys = await keysUnder(redis, prefix);
    expect(keys).toHaveLength(8);
    for (const key of keys) expect(await redis.pTtl(key), key).toBeGreaterThan(0);
  });
});
