import { describe, expect, expectRoundTrips, expectWithin, test } from '../../harness/test.js';
import { createSessionStore } from './session-store.js';
import { sessionIdOf } from './tokens.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('step 2 · idle expiry renewed on use', () => {
  test('a session nobody uses is gone once idleTtlMs has passed', async ({ redis, prefix }) => {
    // 1 s: the read right after create falls inside it even on a busy machine.
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 1_000 });
    const { token } = await sessions.create('u1');
    expect(await sessions.get(token), 'the session right after create').not.toBeNull();
    await expect.poll(() => sessions.get(token), { timeout: 5_000, interval: 25 }).toBeNull();
    // In a key's last millisecond PTTL answers 0 while the key is still there: touch comes after it.
    await sleep(5);
    expect(await sessions.touch(token), 'touch after the idle timeout').toBeNull();
  });

  test('touch returns the session and sets its TTL back to idleTtlMs', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 5_000 });
    const { token, session } = await sessions.create('u1', { device: 'laptop' });
    await sleep(250);
    const key = `${prefix}session:${session.id}`;
    expectWithin(await redis.pTtl(key), { atMost: 4_800 }, 'the TTL in ms');
    const touchedAt = performance.now();
    expect(await sessions.touch(token)).toMatchObject({ id: session.id, userId: 'u1', device: 'laptop' });
    const ttl = await redis.pTtl(key);
    // Renewed, the TTL is 5 000 ms less the time since touch was called; not renewed, 250 ms less again.
    const sinceTouchMs = Math.ceil(performance.now() - touchedAt);
    expectWithin(ttl, { atLeast: 5_000 - sinceTouchMs - 1 }, `the TTL in ms, ${sinceTouchMs} ms after touch`);
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
    // A use every 200 ms for 1.6 s keeps a 1 s idle timeout from ending, even on a busy machine.
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 1_000 });
    const { token } = await sessions.create('u1');
    const started = Date.now();
    while (Date.now() - started < 1_600) {
      await sleep(200);
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
