import { describe, expect, expectRoundTrips, expectWithin, test } from '../../harness/test.js';
import { createSessionStore } from './session-store.js';
import { sessionIdOf } from './tokens.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('step 2 · idle expiry renewed on use', () => {
  test('a session nobody uses is gone once idleTtlMs has passed', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 200 });
    const { token } = await sessions.create('u1');
    expect(await sessions.get(token)).not.toBeNull();
    await expect.poll(() => sessions.get(token), { timeout: 3000, interval: 25 }).toBeNull();
    expect(await sessions.touch(token)).toBeNull();
  });

  test('touch returns the session and sets its TTL back to idleTtlMs', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 5_000 });
    const { token, session } = await sessions.create('u1', { device: 'laptop' });
    await sleep(250);
    const key = `${prefix}session:${session.id}`;
    expectWithin(await redis.pTtl(key), { atMost: 4_800 }, 'the TTL in ms');
    expect(await sessions.touch(token)).toMatchObject({ id: session.id, userId: 'u1', device: 'laptop' });
    expectWithin(await redis.pTtl(key), { above: 4_850 }, 'the TTL in ms');
  });

  test('touch reports the new expiry: idleTtlMs from now', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 60_000 });
    const { token, session } = await sessions.create('u1');
    await sleep(50);
    const touched = await sessions.touch(token);
    expectWithin(touched?.expiresAt, { above: session.expiresAt }, 'expiresAt after touch, in ms since the epoch');
    expectWithin(touched?.expiresAt, { above: Date.now() + 59_000 }, 'expiresAt, in ms since the epoch');
    expectWithin(touched?.expiresAt, { atMost: Date.now() + 60_000 }, 'expiresAt, in ms since the epoch');
    expect(touched?.createdAt).toBe(session.createdAt);
  });

  test('a session used more often than idleTtlMs outlives it', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 400 });
    const { token } = await sessions.create('u1');
    const started = Date.now();
    while (Date.now() - started < 650) {
      await sleep(100);
      expect(await sessions.touch(token)).not.toBeNull();
    }
    expect(await sessions.get(token)).not.toBeNull();
  });

  test('get reads the session without renewing it', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 2_000 });
    const { token, session } = await sessions.create('u1');
    await sleep(200);
    expect(await sessions.get(token)).not.toBeNull();
    expectWithin(await redis.pTtl(`${prefix}session:${session.id}`), { atMost: 1_850 }, 'the TTL in ms');
  });

  test('touch reads and renews in at most two round trips', async ({ redis, prefix, commandLog }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { token } = await sessions.create('u1');
    commandLog.clear();
    expect(await sessions.touch(token)).not.toBeNull();
    expectRoundTrips(commandLog, { atMost: 2 }, 'touch');
  });

  test('touch of a token never issued returns null and writes nothing', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const forged = 'bm90LWEtcmVhbC10b2tlbi1qdXN0LWZvcmdlZC1ieS1hbi1hdHRhY2tlcg';
    expect(await sessions.touch(forged)).toBeNull();
    expect(await redis.exists(`${prefix}session:${sessionIdOf(forged)}`)).toBe(0);
  });

  test('touch after delete returns null and does not bring the session back', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { token, session } = await sessions.create('u1');
    await sessions.delete(token);
    expect(await sessions.touch(token)).toBeNull();
    expect(await redis.exists(`${prefix}session:${session.id}`)).toBe(0);
  });
});
