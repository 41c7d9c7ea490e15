import { keysUnder, redisNowMs } from '../../harness/redis-keys.js';
import { describe, expect, expectRoundTrips, expectWithin, test, vi } from '../../harness/test.js';
import { createTokenBucket } from './token-bucket.js';

const minute = { limit: 3, windowMs: 60_000 };

describe('step 3 · token bucket and fixed window in Lua', () => {
  test('a new bucket is full: the first check is allowed, with limit - 1 remaining', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    expect(await limiter.check('u1', minute)).toMatchObject({ allowed: true, count: 1, limit: 3, remaining: 2 });
  });

  test('a burst of limit checks is allowed, the next one is denied', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
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
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    expect(limiter.keyFor('u1')).toBe(`${prefix}tb:u1`);
  });

  test('a denied check says when the next token comes: windowMs / limit at most', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    for (let i = 0; i < 3; i += 1) await limiter.check('u1', minute);
    const denied = await limiter.check('u1', minute);
    expect(denied.allowed).toBe(false);
    expectWithin(denied.resetMs, { above: 15_000, atMost: 20_000 }, 'resetMs, in ms');
  });

  test('tokens come back: a denied id is allowed again after resetMs', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    // A token every second: the three checks below fit in it even on a busy machine.
    const rule = { limit: 2, windowMs: 2_000 };
    await limiter.check('u1', rule);
    await limiter.check('u1', rule);
    const denied = await limiter.check('u1', rule);
    expect(denied.allowed).toBe(false);
    expectWithin(denied.resetMs, { atMost: rule.windowMs / 2 }, 'resetMs, in ms');
    await expect
      .poll(async () => (await limiter.check('u1', rule)).allowed, { timeout: 4000, interval: 30 })
      .toBe(true);
  });

  test('the refill is limit per windowMs, counted from the last check', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    const key = `${prefix}tb:u1`;
    // An empty bucket of 10 per minute (a token every 6 s), last checked 20 s ago: 3.33 tokens since.
    await redis.hSet(key, { tokens: '0', ts: String((await redisNowMs(redis)) - 20_000) });
    await redis.pExpire(key, 60_000);
    const result = await limiter.check('u1', { limit: 10, windowMs: 60_000 });
    expect(result).toMatchObject({ allowed: true, limit: 10 });
    expect(result).toMatchObject({ count: 8, remaining: 2 }); // 3.33 tokens, one taken
  });

  test('the bucket never holds more than limit tokens, however long it rests', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    const key = `${prefix}tb:u1`;
    // Empty, last checked an hour ago: 36 000 tokens' worth of refill, if nothing capped it.
    await redis.hSet(key, { tokens: '0', ts: String((await redisNowMs(redis)) - 3_600_000) });
    await redis.pExpire(key, 60_000);
    expect(await limiter.check('u1', { limit: 3, windowMs: 300 })).toMatchObject({
      allowed: true,
      count: 1,
      remaining: 2,
    });
  });

  test('the bucket is a hash under keyFor(id) with tokens and ts, and a TTL of at most windowMs', async ({
    redis,
    prefix,
  }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    await limiter.check('u1', { limit: 3, windowMs: 3_600_000 });
    const bucket = await redis.hGetAll(`${prefix}tb:u1`);
    expect(Number(bucket.tokens)).toBeCloseTo(2, 2);
    expect(Number(bucket.ts)).toBeGreaterThan(0);
    const ttl = await redis.pTtl(`${prefix}tb:u1`);
    expectWithin(ttl, { above: 0, atMost: 3_600_000 }, 'the TTL in ms');
  });

  test('refills follow Redis’ clock in ms, not the app’s clock', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    // The app's clock is an hour fast; Redis' is right. (On the mock, Redis' clock is the app's.)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    let redisNow: number;
    try {
      await limiter.check('u1', minute);
      redisNow = await redisNowMs(redis);
    } finally {
      vi.useRealTimers();
    }
    const ts = Number(await redis.hGet(`${prefix}tb:u1`, 'ts'));
    expectWithin(Math.abs(ts - redisNow), { below: 5_000 }, "the distance of ts from Redis' clock, in ms");
  });

  test('each id has its own bucket', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    for (let i = 0; i < 4; i += 1) await limiter.check('u1', minute);
    expect(await limiter.check('u2', minute)).toMatchObject({ allowed: true, remaining: 2 });
  });

  test('every check is one script call: exactly one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    await limiter.check('warm-up', minute);
    for (let i = 1; i <= 5; i += 1) {
      commandLog.clear();
      await limiter.check('u1', minute);
      expectRoundTrips(commandLog, 1, `check ${i} of 5`);
      expect(['EVALSHA', 'EVAL'], 'the one command sent').toContain(commandLog.roundTrips[0]?.[0]?.[0]);
    }
  });

  test('under 50 concurrent checks against a limit of 10, exactly 10 are allowed', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => limiter.check('u1', { limit: 10, windowMs: 3_600_000 })),
    );
    expect(results.filter((result) => result.allowed).length, 'checks allowed, of 50').toBe(10);
  });

  test('no bucket is ever left without a TTL', async ({ redis, prefix }) => {
    const limiter = createTokenBucket({ redis, namespace: `${prefix}tb:` });
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => limiter.check(`user-${i % 8}`, { limit: 2, windowMs: 60_000 })),
    );
    const keys = await keysUnder(redis, prefix);
    expect(keys).toHaveLength(8);
    for (const key of keys) expect(await redis.pTtl(key), key).toBeGreaterThan(0);
  });
});
