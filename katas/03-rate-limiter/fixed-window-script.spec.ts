import { describe, expect, expectRoundTrips, expectWithin, test } from '../../harness/test.js';
import { createFixedWindow } from './fixed-window.js';
import { createFixedWindowScript } from './fixed-window-script.js';

const minute = { limit: 3, windowMs: 60_000 };

describe('step 3 · token bucket and fixed window in Lua', () => {
  test('answers as the MULTI form does, check for check, up to the limit and past it', async ({ redis, prefix }) => {
    const multi = createFixedWindow({ redis, namespace: `${prefix}multi:` });
    const script = createFixedWindowScript({ redis, namespace: `${prefix}script:` });
    for (let i = 1; i <= 5; i += 1) {
      const [expected, actual] = [await multi.check('u1', minute), await script.check('u1', minute)];
      expect(actual, `check ${i} of 5`).toMatchObject({
        allowed: expected.allowed,
        count: expected.count,
        limit: expected.limit,
        remaining: expected.remaining,
      });
      expectWithin(actual.resetMs, { above: 55_000, atMost: 60_000 }, `resetMs of check ${i}, in ms`);
    }
  });

  test('the counter is a string under keyFor(id), its TTL set by the first check and never pushed back', async ({
    redis,
    prefix,
  }) => {
    const limiter = createFixedWindowScript({ redis, namespace: `${prefix}fw:` });
    await limiter.check('u1', { limit: 3, windowMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const second = await limiter.check('u1', { limit: 3, windowMs: 1_000 });
    expect(limiter.keyFor('u1')).toBe(`${prefix}fw:u1`);
    expect(await redis.get(`${prefix}fw:u1`)).toBe('2');
    expectWithin(await redis.pTtl(limiter.keyFor('u1')), { above: 0, atMost: 900 }, 'the TTL in ms');
    expectWithin(second.resetMs, { above: 0, atMost: 900 }, 'resetMs, in ms');
  });

  test('a new window starts once the old one has passed', async ({ redis, prefix }) => {
    const limiter = createFixedWindowScript({ redis, namespace: `${prefix}fw:` });
    // A window of 1 s: the second check falls inside it even on a busy machine.
    const rule = { limit: 1, windowMs: 1_000 };
    await limiter.check('u1', rule);
    expect((await limiter.check('u1', rule)).allowed, 'the second check, inside the window').toBe(false);
    await expect
      .poll(async () => (await limiter.check('u1', rule)).allowed, { timeout: 5_000, interval: 40 })
      .toBe(true);
  });

  test('every check is one command: exactly one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const limiter = createFixedWindowScript({ redis, namespace: `${prefix}fw:` });
    await limiter.check('warm-up', minute);
    for (let i = 1; i <= 5; i += 1) {
      commandLog.clear();
      await limiter.check('u1', minute);
      expectRoundTrips(commandLog, 1, `check ${i} of 5`);
      expect(commandLog.commands, `commands sent by check ${i} of 5`).toHaveLength(1);
    }
  });

  test('under 50 concurrent checks against a limit of 10, exactly 10 are allowed, and the counter keeps its TTL', async ({
    redis,
    prefix,
  }) => {
    const limiter = createFixedWindowScript({ redis, namespace: `${prefix}fw:` });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => limiter.check('u1', { limit: 10, windowMs: 60_000 })),
    );
    expect(results.filter((result) => result.allowed).length, 'checks allowed, of 50').toBe(10);
    expect(await redis.get(limiter.keyFor('u1'))).toBe('50');
    expect(await redis.pTtl(limiter.keyFor('u1')), 'the TTL in ms').toBeGreaterThan(0);
  });
});
