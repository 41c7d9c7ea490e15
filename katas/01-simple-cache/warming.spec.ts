import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { describe, expect, expectRoundTrips, expectWithin, test } from '../../harness/test.js';
import { createCache } from './cache.js';
import { createCachedUsers } from './cached-users.js';
import { createUserSource, type User } from './user-source.js';

/** The values of `keys`, one GET each: on Redis Cluster, one MGET of keys in different slots is refused (CROSSSLOT). */
const valuesOf = (redis: RedisAdapter, keys: string[]) => Promise.all(keys.map((key) => redis.get(key)));

function setup(redis: RedisAdapter, prefix: string, source = createUserSource({ latencyMs: 20 })) {
  const cache = createCache({ redis, namespace: `${prefix}cache:` });
  return { cache, source, users: createCachedUsers({ cache, source }) };
}

describe('step 6 · warming', () => {
  test('setMany stores every entry with the given TTL', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.setMany(
      [
        ['a', '1'],
        ['b', '2'],
      ],
      { ttlSeconds: 120 },
    );
    expect(await valuesOf(redis, [`${prefix}cache:a`, `${prefix}cache:b`])).toEqual(['1', '2']);
    expectWithin(await redis.ttl(`${prefix}cache:b`), { above: 110, atMost: 120 }, 'the TTL in seconds');
  });

  test('setMany writes every entry in one round trip', async ({ redis, prefix, commandLog }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    const entries = Array.from({ length: 20 }, (_, index) => [`k${index}`, String(index)] as const);
    commandLog.clear();
    await cache.setMany(entries, { ttlSeconds: 60 });
    expectRoundTrips(commandLog, 1, 'setMany of 20 entries');
    const keys = entries.map(([key]) => `${prefix}cache:${key}`);
    expect(await valuesOf(redis, keys)).toEqual(entries.map(([, value]) => value));
  });

  test('setMany without a TTL uses the default TTL', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:`, defaultTtlSeconds: 60 });
    await cache.setMany([['a', '1']]);
    const ttl = await redis.ttl(`${prefix}cache:a`);
    expectWithin(ttl, { above: 50, atMost: 60 }, 'the TTL in seconds');
  });

  test('setMany with no entries writes nothing', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.setMany([]);
    expect((await redis.scan('0', { match: `${prefix}*`, count: 1000 })).keys).toEqual([]);
  });

  test('warm caches the given ids, so their first get is a hit', async ({ redis, prefix }) => {
    const { users, source } = setup(redis, prefix);
    expect(await users.warm(['u1', 'u2'])).toBe(2);
    const readsAfterWarming = source.reads;
    expect((await users.get('u1')).hit).toBe(true);
    expect((await users.get('u2')).hit).toBe(true);
    expect(source.reads).toBe(readsAfterWarming);
  });

  test('warm without ids caches every user of the source', async ({ redis, prefix }) => {
    const { users } = setup(redis, prefix);
    expect(await users.warm()).toBe(5);
    for (const id of ['u1', 'u2', 'u3', 'u4', 'u5']) expect((await users.get(id)).hit).toBe(true);
  });

  test('warm skips ids the source does not know', async ({ redis, prefix }) => {
    const { users } = setup(redis, prefix);
    expect(await users.warm(['u1', 'nobody'])).toBe(1);
    expect(await redis.exists(`${prefix}cache:user:nobody`)).toBe(0);
  });

  test('warm gives the warmed users the cache’s TTL', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    const users = createCachedUsers({ cache, source: createUserSource({ latencyMs: 1 }), ttlMs: 60_000 });
    await users.warm(['u1']);
    const ttl = await redis.pTtl(`${prefix}cache:user:u1`);
    expectWithin(ttl, { above: 50_000, atMost: 60_000 }, 'the TTL in ms');
  });

  test('warm loads the users in parallel, not one after another', async ({ redis, prefix }) => {
    const many: User[] = Array.from({ length: 10 }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      email: `p${i}@example.com`,
      updatedAt: '2024-01-01T00:00:00.000Z',
    }));
    const { users } = setup(redis, prefix, createUserSource({ latencyMs: 50, users: many }));
    const started = performance.now();
    expect(await users.warm(many.map((user) => user.id))).toBe(10);
    expectWithin(performance.now() - started, { below: 300 }, 'the time it took, in ms');
  });
});
