import { describe, expect, expectWithin, test } from '../../harness/test.js';
import { createSessionStore } from './session-store.js';
import { createToken, sessionIdOf } from './tokens.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('step 3 · absolute lifetime', () => {
  test('the default absolute lifetime is 12 hours', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { session } = await sessions.create('u1');
    expect(session.absoluteExpiresAt - session.createdAt).toBe(12 * 60 * 60_000);
  });

  test('a lifetime shorter than the idle timeout caps the first TTL', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 60_000, absoluteTtlMs: 5_000 });
    const { session } = await sessions.create('u1');
    const ttl = await redis.pTtl(`${prefix}session:${session.id}`);
    expectWithin(ttl, { above: 4_000, atMost: 5_000 }, 'the TTL in ms');
    expect(session.expiresAt).toBe(session.absoluteExpiresAt);
  });

  test('touch never renews past the absolute lifetime', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 60_000, absoluteTtlMs: 2_000 });
    const { token, session } = await sessions.create('u1');
    await sleep(300);
    const touchedAt = Date.now();
    const touched = await sessions.touch(token);
    const ttl = await redis.pTtl(`${prefix}session:${session.id}`);
    expectWithin(ttl, { above: 0, atMost: session.absoluteExpiresAt - touchedAt + 200 }, 'the TTL in ms');
    expect(touched?.expiresAt).toBe(session.absoluteExpiresAt);
  });

  test('a session in constant use still ends at its absolute lifetime', async ({ redis, prefix }) => {
    // A use every 200 ms: a busy machine's late timers stay far below the 1 s idle timeout.
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 1_000, absoluteTtlMs: 1_800 });
    const { token, session } = await sessions.create('u1');
    let lastUse = 0;
    for (let use = 0; use < 40; use += 1) {
      await sleep(200);
      const usedAt = Date.now() - session.createdAt;
      if (!(await sessions.touch(token))) break;
      lastUse = usedAt;
    }
    // Renewals kept it past the idle timeout (1 000 ms), but not past its lifetime (1 800 ms).
    expectWithin(lastUse, { above: 1_000, below: 1_800 }, 'the last successful use, in ms after login');
    expect(await sessions.touch(token)).toBeNull();
  });

  test('a session past its absolute lifetime is refused even while its key is still there', async ({
    redis,
    prefix,
  }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 60_000 });
    const token = createToken();
    const key = `${prefix}session:${sessionIdOf(token)}`;
    const createdAt = Date.now() - 10_000;
    await redis.hSet(key, {
      userId: 'u1',
      device: 'laptop',
      createdAt: String(createdAt),
      absoluteExpiresAt: String(createdAt + 5_000),
    });
    await redis.pExpire(key, 30_000);
    expect(await sessions.get(token)).toBeNull();
    expect(await sessions.touch(token)).toBeNull();
    expectWithin(await redis.pTtl(key), { atMost: 30_000 }, 'the TTL in ms');
  });
});
