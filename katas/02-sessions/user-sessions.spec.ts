import { countExisting } from '../../harness/redis-keys.js';
import { describe, expect, expectRoundTrips, expectWithin, test } from '../../harness/test.js';
import { createSessionStore } from './session-store.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('step 4 · per-user session index (list, revoke one, revoke all)', () => {
  test('list returns the user’s live sessions, oldest first', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    for (const device of ['laptop', 'phone', 'tablet']) {
      await sessions.create('u1', { device });
      await sleep(2); // each a millisecond of its own
    }
    await sessions.create('u2', { device: 'someone else’s' });
    const listed = await sessions.list('u1');
    expect(listed.map((session) => session.device)).toEqual(['laptop', 'phone', 'tablet']);
    expect(listed.every((session) => session.userId === 'u1')).toBe(true);
  });

  test('list of a user without sessions is empty', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    expect(await sessions.list('u1')).toEqual([]);
  });

  test('create writes the session, then its index entry: two round trips', async ({ redis, prefix, commandLog }) => {
    const sessions = createSessionStore({ redis, prefix });
    commandLog.clear();
    const { session } = await sessions.create('u1');
    expectRoundTrips(commandLog, 2, 'create');
    const [first = [], second = []] = commandLog.roundTrips.map((trip) => trip.flat());
    expect(first, 'the first round trip: the session').toContain(`${prefix}session:${session.id}`);
    expect(second, 'the second round trip: the index').toContain(`${prefix}user-sessions:u1`);
    expect(await redis.zScore(`${prefix}user-sessions:u1`, session.id)).not.toBeNull();
  });

  test('the index is a sorted set at user-sessions:<userId>, scored by expiry, with a TTL', async ({
    redis,
    prefix,
  }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 60_000, absoluteTtlMs: 3_600_000 });
    const { session } = await sessions.create('u1');
    const index = `${prefix}user-sessions:u1`;
    expect(await redis.type(index)).toBe('zset');
    expect(await redis.zScore(index, session.id)).toBe(session.expiresAt);
    const ttl = await redis.pTtl(index);
    expectWithin(ttl, { above: 3_500_000, atMost: 3_600_000 }, 'the TTL in ms');
  });

  test('touch moves the session’s score to its new expiry', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { token, session } = await sessions.create('u1');
    await sleep(20);
    const touched = await sessions.touch(token);
    expectWithin(touched?.expiresAt, { above: session.expiresAt }, 'expiresAt, in ms since the epoch');
    expect(await redis.zScore(`${prefix}user-sessions:u1`, session.id)).toBe(touched?.expiresAt);
  });

  test('an expired session leaves the list, and the index, when the list is read', async ({ redis, prefix }) => {
    const shortLived = createSessionStore({ redis, prefix, idleTtlMs: 150 });
    const sessions = createSessionStore({ redis, prefix });
    const { session: gone } = await shortLived.create('u1', { device: 'old phone' });
    const { session: kept } = await sessions.create('u1', { device: 'laptop' });
    await expect.poll(() => redis.exists(`${prefix}session:${gone.id}`), { timeout: 3000, interval: 25 }).toBe(0);
    expect((await sessions.list('u1')).map((session) => session.id)).toEqual([kept.id]);
    expect(await redis.zRange(`${prefix}user-sessions:u1`, 0, -1)).toEqual([kept.id]);
  });

  test('a session deleted behind the index’s back leaves the list too', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { session: gone } = await sessions.create('u1', { device: 'old phone' });
    const { session: kept } = await sessions.create('u1', { device: 'laptop' });
    await redis.del(`${prefix}session:${gone.id}`);
    expect((await sessions.list('u1')).map((session) => session.id)).toEqual([kept.id]);
    expect(await redis.zRange(`${prefix}user-sessions:u1`, 0, -1)).toEqual([kept.id]);
  });

  test('list trusts the hashes, not the scores: a live session with a stale score stays listed', async ({
    redis,
    prefix,
  }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { session } = await sessions.create('u1');
    // What a touch whose ZADD failed leaves behind (its PEXPIRE went through).
    await redis.zAdd(`${prefix}user-sessions:u1`, [{ member: session.id, score: 1 }]);
    expect((await sessions.list('u1')).map((listed) => listed.id)).toEqual([session.id]);
    expect(await redis.zScore(`${prefix}user-sessions:u1`, session.id), 'the entry, still there').not.toBeNull();
  });

  test('list costs at most three round trips, however many sessions', async ({ redis, prefix, commandLog }) => {
    const sessions = createSessionStore({ redis, prefix });
    for (let i = 0; i < 25; i += 1) await sessions.create('u1', { device: `device ${i}` });
    commandLog.clear();
    expect((await sessions.list('u1')).length, 'sessions listed').toBe(25);
    expectRoundTrips(commandLog, { atMost: 3 }, 'list of 25 sessions');
  });

  test('delete (logout) also takes the session out of its user’s index', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { token, session } = await sessions.create('u1');
    await sessions.delete(token);
    expect(await redis.zScore(`${prefix}user-sessions:u1`, session.id)).toBeNull();
    expect(await sessions.list('u1')).toEqual([]);
  });

  test('revoke ends one session of the user, and only that one', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const laptop = await sessions.create('u1', { device: 'laptop' });
    const phone = await sessions.create('u1', { device: 'phone' });
    expect(await sessions.revoke('u1', phone.session.id)).toBe(true);
    expect(await sessions.touch(phone.token)).toBeNull();
    expect(await sessions.touch(laptop.token)).not.toBeNull();
    expect((await sessions.list('u1')).map((session) => session.device)).toEqual(['laptop']);
  });

  test('revoke of another user’s session returns false and leaves it alive', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const theirs = await sessions.create('u2');
    expect(await sessions.revoke('u1', theirs.session.id)).toBe(false);
    expect(await sessions.touch(theirs.token)).not.toBeNull();
  });

  test('revoke of an unknown session id returns false', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    await sessions.create('u1');
    expect(await sessions.revoke('u1', 'no-such-session')).toBe(false);
  });

  test('revokeAll ends every session of the user and returns how many', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const mine = await Promise.all(['laptop', 'phone', 'tablet'].map((device) => sessions.create('u1', { device })));
    const theirs = await sessions.create('u2');
    expect(await sessions.revokeAll('u1')).toBe(3);
    for (const { token } of mine) expect(await sessions.touch(token)).toBeNull();
    expect(await sessions.list('u1')).toEqual([]);
    const keys = mine.map(({ session }) => `${prefix}session:${session.id}`);
    expect(await countExisting(redis, keys), 'session keys left').toBe(0);
    expect(await sessions.touch(theirs.token)).not.toBeNull();
  });

  test('revokeAll of a user without sessions returns 0', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    expect(await sessions.revokeAll('u1')).toBe(0);
  });

  test('revokeAll costs at most three round trips, however many sessions', async ({ redis, prefix, commandLog }) => {
    const sessions = createSessionStore({ redis, prefix });
    for (const count of [1, 30]) {
      const user = `user-with-${count}`;
      for (let i = 0; i < count; i += 1) await sessions.create(user);
      commandLog.clear();
      expect(await sessions.revokeAll(user)).toBe(count);
      expectRoundTrips(commandLog, { atMost: 3 }, `revokeAll of ${count} sessions`);
    }
  });
});
