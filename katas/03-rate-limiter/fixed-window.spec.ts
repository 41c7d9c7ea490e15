import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, expectRoundTrips, expectWithin, test } from '../../harness/test.js';
import { createFixedWindow } from './fixed-window.js';

const minute = { limit: 3, windowMs: 60_000 };

describe('step 1 · fixed window', () => {
  test('the first check is allowed, with count 1 and limit - 1 remaining', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    const result = await limiter.check('u1', minute);
    expect(result).toMatchObject({ allowed: true, count: 1, limit: 3, remaining: 2 });
  });

  test('checks up to the limit are allowed, the next one is denied', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await limiter.check('u1', minute));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]?.count).toBeGreaterThanOrEqual(3);
  });

  test('resetMs is the time left in the window: more than 0, at most windowMs', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    for (let i = 0; i < 3; i += 1) await limiter.check('u1', minute);
    const denied = await limiter.check('u1', minute);
    expect(denied.allowed).toBe(false);
    expectWithin(denied.resetMs, { above: 55_000, atMost: 60_000 }, 'resetMs, in ms');
  });

  test('each id has its own counter', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    for (let i = 0; i < 4; i += 1) await limiter.check('u1', minute);
    expect(await limiter.check('u2', minute)).toMatchObject({ allowed: true, count: 1, remaining: 2 });
  });

  test('keyFor puts the namespace in front of the id', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    expect(limiter.keyFor('u1')).toBe(`${prefix}fw:u1`);
  });

  test('the counter is a string under keyFor(id), with a TTL of at most windowMs', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    await limiter.check('u1', minute);
    await limiter.check('u1', minute);
    expect(await redis.get(`${prefix}fw:u1`)).toBe('2');
    const ttl = await redis.pTtl(`${prefix}fw:u1`);
    expectWithin(ttl, { above: 55_000, atMost: 60_000 }, 'the TTL in ms');
  });

  test('later checks do not push the end of the window back', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    await limiter.check('u1', { limit: 3, windowMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const second = await limiter.check('u1', { limit: 3, windowMs: 1_000 });
    expectWithin(await redis.pTtl(`${prefix}fw:u1`), { atMost: 900 }, 'the TTL in ms');
    expectWithin(second.resetMs, { atMost: 900 }, 'resetMs, in ms');
  });

  test('a new window starts once the old one has passed', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    // A window of 1 s: the first three checks fall inside it even on a busy machine.
    const rule = { limit: 2, windowMs: 1_000 };
    await limiter.check('u1', rule);
    await limiter.check('u1', rule);
    expect((await limiter.check('u1', rule)).allowed, 'the third check, inside the window').toBe(false);
    await expect
      .poll(async () => (await limiter.check('u1', rule)).allowed, { timeout: 5_000, interval: 40 })
      .toBe(true);
  });

  test('every check is exactly one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    await limiter.check('warm-up', minute);
    for (let i = 1; i <= 5; i += 1) {
      commandLog.clear();
      await limiter.check('u1', minute);
      expectRoundTrips(commandLog, 1, `check ${i} of 5`);
    }
  });

  test('under 50 concurrent checks against a limit of 10, exactly 10 are allowed', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => limiter.check('u1', { limit: 10, windowMs: 60_000 })),
    );
    expect(results.filter((result) => result.allowed).length, 'checks allowed, of 50').toBe(10);
  });

  test('two app instances on one Redis share the limit', async ({ redis, prefix, connect }) => {
    const first = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    const second = createFixedWindow({ redis: connect(), namespace: `${prefix}fw:` });
    await first.check('u1', { limit: 2, windowMs: 60_000 });
    await second.check('u1', { limit: 2, windowMs: 60_000 });
    expect((await first.check('u1', { limit: 2, windowMs: 60_000 })).allowed).toBe(false);
  });

  test('no counter is ever left without a TTL', async ({ redis, prefix }) => {
    const limiter = createFixedWindow({ redis, namespace: `${prefix}fw:` });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => limiter.check(`user-${i % 8}`, { limit: 3, windowMs: 60_000 })),
    );
    const keys = await keysUnder(redis, prefix);
    expect(keys).toHaveLength(8);
    for (const key of keys) expect(await redis.pTtl(key), key).toBeGreaterThan(0);
  });
});
