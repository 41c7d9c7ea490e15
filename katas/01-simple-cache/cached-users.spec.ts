import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { describe, expect, test } from '../../harness/test.js';
import { createCache } from './cache.js';
import { createCachedUsers, userCacheKey } from './cached-users.js';
import { createUserSource } from './user-source.js';

function setup(redis: RedisAdapter, prefix: string) {
  const cache = createCache({ redis, namespace: `${prefix}cache:` });
  const source = createUserSource({ latencyMs: 20 });
  return { cache, source, users: createCachedUsers({ cache, source }) };
}

describe('step 3 · invalidation and write-through on update', () => {
  test('userCacheKey keeps users under user:<id>', () => {
    expect(userCacheKey('u1')).toBe('user:u1');
  });

  test('get reads a user from the source once, then from the cache', async ({ redis, prefix }) => {
    const { users, source } = setup(redis, prefix);
    const first = await users.get('u1');
    const second = await users.get('u1');
    expect(first).toMatchObject({ value: { id: 'u1', name: 'Ada Lovelace' }, hit: false });
    expect(second).toEqual({ value: first.value, hit: true });
    expect(source.reads).toBe(1);
  });

  test('get stores the user as JSON under user:<id> in the namespace', async ({ redis, prefix }) => {
    const { users } = setup(redis, prefix);
    const { value } = await users.get('u2');
    expect(JSON.parse((await redis.get(`${prefix}cache:user:u2`)) ?? 'null')).toEqual(value);
  });

  test('get returns null for an unknown id and asks the source only once', async ({ redis, prefix }) => {
    const { users, source } = setup(redis, prefix);
    expect(await users.get('nobody')).toEqual({ value: null, hit: false });
    expect(await users.get('nobody')).toEqual({ value: null, hit: true });
    expect(source.reads).toBe(1);
  });

  test('update changes the source and the cache at once (write-through)', async ({ redis, prefix }) => {
    const { users, source } = setup(redis, prefix);
    await users.get('u1');
    const updated = await users.update('u1', { name: 'Augusta Ada King' });
    expect(updated).toMatchObject({ id: 'u1', name: 'Augusta Ada King', email: 'ada@example.com' });
    expect(await users.get('u1')).toEqual({ value: updated, hit: true });
    expect(await source.get('u1')).toEqual(updated);
  });

  test('update caches the new user even when it was not cached before', async ({ redis, prefix }) => {
    const { users, source } = setup(redis, prefix);
    const updated = await users.update('u3', { email: 'grace@navy.example' });
    expect(await users.get('u3')).toEqual({ value: updated, hit: true });
    expect(source.reads).toBe(0);
  });

  test('update of an unknown id returns null and caches nothing', async ({ redis, prefix }) => {
    const { users } = setup(redis, prefix);
    expect(await users.update('nobody', { name: 'No One' })).toBeNull();
    expect(await redis.exists(`${prefix}cache:user:nobody`)).toBe(0);
  });

  test('invalidate forgets the cached user, so the next get reads the source', async ({ redis, prefix }) => {
    const { users, source } = setup(redis, prefix);
    await users.get('u1');
    expect(await users.invalidate('u1')).toBe(true);
    expect((await users.get('u1')).hit).toBe(false);
    expect(source.reads).toBe(2);
  });

  test('invalidate returns false when nothing was cached', async ({ redis, prefix }) => {
    const { users } = setup(redis, prefix);
    expect(await users.invalidate('u1')).toBe(false);
  });

  test('after invalidate, a change made behind the cache’s back is seen', async ({ redis, prefix }) => {
    const { users, source } = setup(redis, prefix);
    await users.get('u4');
    await source.update('u4', { name: 'E. W. Dijkstra' });
    expect((await users.get('u4')).value?.name).toBe('Edsger Dijkstra');
    await users.invalidate('u4');
    expect((await users.get('u4')).value?.name).toBe('E. W. Dijkstra');
  });
});
