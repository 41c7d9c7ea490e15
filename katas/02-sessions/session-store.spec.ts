import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, expectWithin, test } from '../../harness/test.js';
import { createSessionStore } from './session-store.js';
import { sessionIdOf } from './tokens.js';

/** Every key under `prefix` and everything it holds, as one text: where a leaked token would show. */
async function everythingUnder(redis: RedisAdapter, prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const key of await keysUnder(redis, prefix)) {
    const type = await redis.type(key);
    parts.push(key);
    if (type === 'hash') parts.push(...Object.entries(await redis.hGetAll(key)).flat());
    else if (type === 'zset') parts.push(...(await redis.zRange(key, 0, -1)));
    else if (type === 'set') parts.push(...(await redis.sMembers(key)));
    else if (type === 'list') parts.push(...(await redis.lRange(key, 0, -1)));
    else if (type === 'string') parts.push((await redis.get(key)) ?? '');
  }
  return parts.join('\n');
}

describe('step 1 · create/read/delete a session', () => {
  test('create returns a new token and the session it opened', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 60_000, absoluteTtlMs: 3_600_000 });
    const before = Date.now();
    const { token, session } = await sessions.create('u1', { device: 'laptop' });
    expect(session).toMatchObject({ id: sessionIdOf(token), userId: 'u1', device: 'laptop' });
    expectWithin(session.createdAt, { atLeast: before, atMost: Date.now() }, 'createdAt, in ms since the epoch');
    expect(session.expiresAt).toBe(session.createdAt + 60_000);
    expect(session.absoluteExpiresAt).toBe(session.createdAt + 3_600_000);
  });

  test('create stores the session as a hash at session:<id> under the prefix', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { session } = await sessions.create('u1', { device: 'laptop' });
    const key = `${prefix}session:${session.id}`;
    expect(await redis.type(key)).toBe('hash');
    expect(await redis.hGetAll(key)).toMatchObject({
      userId: 'u1',
      device: 'laptop',
      createdAt: String(session.createdAt),
      absoluteExpiresAt: String(session.absoluteExpiresAt),
    });
  });

  test('the session key expires by itself after idleTtlMs', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 60_000 });
    const { session } = await sessions.create('u1');
    const ttl = await redis.pTtl(`${prefix}session:${session.id}`);
    expectWithin(ttl, { above: 55_000, atMost: 60_000 }, 'the TTL in ms');
  });

  test('the default idle timeout is 30 minutes', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { session } = await sessions.create('u1');
    const ttl = await redis.pTtl(`${prefix}session:${session.id}`);
    expectWithin(ttl, { above: 1_790_000, atMost: 1_800_000 }, 'the TTL in ms');
  });

  test('Redis never holds the token, only its hash', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { token, session } = await sessions.create('u1', { device: 'laptop' });
    const stored = await everythingUnder(redis, prefix);
    expect(stored).toContain(session.id);
    expect(stored).not.toContain(token);
  });

  test('every create makes a new token, even for the same user', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const first = await sessions.create('u1', { device: 'laptop' });
    const second = await sessions.create('u1', { device: 'phone' });
    expect(second.token).not.toBe(first.token);
    expect(second.session.id).not.toBe(first.session.id);
    expect((await sessions.get(first.token))?.device).toBe('laptop');
    expect((await sessions.get(second.token))?.device).toBe('phone');
  });

  test('get returns the session of a token', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix, idleTtlMs: 60_000 });
    const { token, session } = await sessions.create('u1', { device: 'laptop' });
    const read = await sessions.get(token);
    expect(read).toMatchObject({
      id: session.id,
      userId: 'u1',
      device: 'laptop',
      createdAt: session.createdAt,
      absoluteExpiresAt: session.absoluteExpiresAt,
    });
    expectWithin(
      read?.expiresAt,
      { above: Date.now() + 55_000, atMost: Date.now() + 60_000 },
      'expiresAt, in ms since the epoch',
    );
  });

  test('get returns null for a token never issued, and writes nothing', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    expect(await sessions.get('bm90LWEtcmVhbC10b2tlbi1qdXN0LWZvcmdlZC1ieS1hbi1hdHRhY2tlcg')).toBeNull();
    expect(await sessions.get('')).toBeNull();
    expect(await keysUnder(redis, prefix)).toEqual([]);
  });

  test('delete ends the session and returns true', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    const { token, session } = await sessions.create('u1');
    expect(await sessions.delete(token)).toBe(true);
    expect(await sessions.get(token)).toBeNull();
    expect(await redis.exists(`${prefix}session:${session.id}`)).toBe(0);
  });

  test('delete returns false for a token never issued', async ({ redis, prefix }) => {
    const sessions = createSessionStore({ redis, prefix });
    expect(await sessions.delete('bm90LWEtcmVhbC10b2tlbi1qdXN0LWZvcmdlZC1ieS1hbi1hdHRhY2tlcg')).toBe(false);
  });

  test('a store with another prefix does not see the session', async ({ redis, prefix }) => {
    const mine = createSessionStore({ redis, prefix: `${prefix}a:` });
    const theirs = createSessionStore({ redis, prefix: `${prefix}b:` });
    const { token } = await mine.create('u1');
    expect(await theirs.get(token)).toBeNull();
    expect(await theirs.delete(token)).toBe(false);
    expect(await mine.get(token)).not.toBeNull();
  });
});
