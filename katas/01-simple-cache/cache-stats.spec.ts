import { describe, expect, test } from '../../harness/test.js';
import { createCache } from './cache.js';
import { createCacheAside } from './cache-aside.js';
import { createCacheStats, hitRate } from './cache-stats.js';

describe('step 4 · stats (hits, misses, hit rate)', () => {
  test('hitRate is hits divided by all lookups', () => {
    expect(hitRate(3, 1)).toBe(0.75);
    expect(hitRate(0, 4)).toBe(0);
    expect(hitRate(5, 0)).toBe(1);
  });

  test('hitRate is 0 before the first lookup', () => {
    expect(hitRate(0, 0)).toBe(0);
  });

  test('new stats read zero hits, zero misses and a hit rate of 0', async ({ redis, prefix }) => {
    const stats = createCacheStats({ redis, key: `${prefix}stats` });
    expect(await stats.read()).toEqual({ hits: 0, misses: 0, hitRate: 0 });
  });

  test('recordHit and recordMiss each add one', async ({ redis, prefix }) => {
    const stats = createCacheStats({ redis, key: `${prefix}stats` });
    await stats.recordHit();
    await stats.recordHit();
    await stats.recordHit();
    await stats.recordMiss();
    expect(await stats.read()).toEqual({ hits: 3, misses: 1, hitRate: 0.75 });
  });

  test('the counters live in Redis: another stats object on the same key sees them', async ({ redis, prefix }) => {
    await createCacheStats({ redis, key: `${prefix}stats` }).recordHit();
    const elsewhere = createCacheStats({ redis, key: `${prefix}stats` });
    expect(await elsewhere.read()).toEqual({ hits: 1, misses: 0, hitRate: 1 });
    expect(await redis.exists(`${prefix}stats`)).toBe(1);
  });

  test('two instances counting at the same time lose no increment', async ({ redis, prefix }) => {
    const a = createCacheStats({ redis, key: `${prefix}stats` });
    const b = createCacheStats({ redis, key: `${prefix}stats` });
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).recordHit()));
    expect((await a.read()).hits).toBe(50);
  });

  test('reset sets both counters back to zero', async ({ redis, prefix }) => {
    const stats = createCacheStats({ redis, key: `${prefix}stats` });
    await stats.recordHit();
    await stats.recordMiss();
    await stats.reset();
    expect(await stats.read()).toEqual({ hits: 0, misses: 0, hitRate: 0 });
  });

  test('getOrLoad with stats counts a miss for a load and a hit for a cached read', async ({ redis, prefix }) => {
    const stats = createCacheStats({ redis, key: `${prefix}stats` });
    const aside = createCacheAside({ cache: createCache({ redis, namespace: `${prefix}cache:` }), stats });
    await aside.getOrLoad('k', async () => 'v');
    await aside.getOrLoad('k', async () => 'v');
    await aside.getOrLoad('k', async () => 'v');
    expect(await stats.read()).toEqual({ hits: 2, misses: 1, hitRate: 2 / 3 });
  });

  test('a cached "does not exist" counts as a hit', async ({ redis, prefix }) => {
    const stats = createCacheStats({ redis, key: `${prefix}stats` });
    const aside = createCacheAside({ cache: createCache({ redis, namespace: `${prefix}cache:` }), stats });
    await aside.getOrLoad('nobody', async () => null);
    await aside.getOrLoad('nobody', async () => null);
    expect(await stats.read()).toEqual({ hits: 1, misses: 1, hitRate: 0.5 });
  });
});
