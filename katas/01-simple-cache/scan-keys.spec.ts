import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { countExisting } from '../../harness/redis-keys.js';
import { describe, expect, expectSameList, test } from '../../harness/test.js';
import { clearByPattern, escapeGlob, scanKeys } from './scan-keys.js';

async function writeKeys(redis: RedisAdapter, keys: string[]): Promise<void> {
  const pipeline = redis.pipeline();
  for (const key of keys) pipeline.set(key, 'v', { ex: 600 });
  await pipeline.exec();
}

describe('step 5 · clear by pattern with SCAN, confined to the namespace', () => {
  test('escapeGlob escapes * ? [ ] and backslash', () => {
    expect(escapeGlob('a*b?c[d]e\\f')).toBe('a\\*b\\?c\\[d\\]e\\\\f');
  });

  test('escapeGlob leaves other characters alone', () => {
    expect(escapeGlob('t:3f9c:cache:user-1_x.y')).toBe('t:3f9c:cache:user-1_x.y');
  });

  test('scanKeys lists the matching keys without the namespace, sorted', async ({ redis, prefix }) => {
    const namespace = `${prefix}cache:`;
    await writeKeys(redis, [`${namespace}user:2`, `${namespace}user:1`, `${namespace}greeting`]);
    expect(await scanKeys(redis, { namespace, pattern: 'user:*' })).toEqual(['user:1', 'user:2']);
  });

  test('scanKeys without a pattern lists every key of the namespace', async ({ redis, prefix }) => {
    const namespace = `${prefix}cache:`;
    await writeKeys(redis, [`${namespace}b`, `${namespace}a`, `${prefix}other:c`]);
    expect(await scanKeys(redis, { namespace })).toEqual(['a', 'b']);
  });

  test('scanKeys finds every key when the walk takes many SCAN calls', async ({ redis, prefix }) => {
    const namespace = `${prefix}cache:`;
    const keys = Array.from({ length: 1200 }, (_, i) => `item:${String(i).padStart(4, '0')}`);
    await writeKeys(
      redis,
      keys.map((key) => `${namespace}${key}`),
    );
    expectSameList(await scanKeys(redis, { namespace, pattern: 'item:*' }), keys, 'keys, sorted, each once');
  });

  test('clearByPattern deletes the matching keys and returns how many', async ({ redis, prefix }) => {
    const namespace = `${prefix}cache:`;
    await writeKeys(redis, [`${namespace}user:1`, `${namespace}user:2`, `${namespace}greeting`]);
    expect(await clearByPattern(redis, { namespace, pattern: 'user:*' })).toBe(2);
    expect(await scanKeys(redis, { namespace })).toEqual(['greeting']);
  });

  test('clearByPattern returns 0 when nothing matches', async ({ redis, prefix }) => {
    const namespace = `${prefix}cache:`;
    await writeKeys(redis, [`${namespace}greeting`]);
    expect(await clearByPattern(redis, { namespace, pattern: 'user:*' })).toBe(0);
    expect(await redis.exists(`${namespace}greeting`)).toBe(1);
  });

  test('clearByPattern with * never deletes keys outside the namespace', async ({ redis, prefix }) => {
    const namespace = `${prefix}cache:`;
    const neighbours = [`${prefix}other:user:1`, `${prefix}cache`, `${prefix}cache-old:user:1`, `${prefix}stats`];
    await writeKeys(redis, [`${namespace}user:1`, ...neighbours]);
    expect(await clearByPattern(redis, { namespace, pattern: '*' })).toBe(1);
    expect(await countExisting(redis, neighbours), 'neighbours still there').toBe(neighbours.length);
  });

  test('a namespace holding ? matches only itself, not a neighbour with any character there', async ({
    redis,
    prefix,
  }) => {
    const namespace = `${prefix}c?che:`;
    await writeKeys(redis, [`${namespace}k`, `${prefix}cXche:k`]);
    expect(await scanKeys(redis, { namespace })).toEqual(['k']);
    expect(await clearByPattern(redis, { namespace, pattern: '*' })).toBe(1);
    expect(await redis.get(`${prefix}cXche:k`)).toBe('v');
  });

  test('a namespace holding [ ] and * matches only itself', async ({ redis, prefix }) => {
    const namespace = `${prefix}[ab]*:`;
    await writeKeys(redis, [`${namespace}k`, `${prefix}a:k`, `${prefix}bzz:k`]);
    expect(await scanKeys(redis, { namespace })).toEqual(['k']);
    expect(await clearByPattern(redis, { namespace, pattern: '*' })).toBe(1);
    expect(await countExisting(redis, [`${prefix}a:k`, `${prefix}bzz:k`]), 'neighbours still there').toBe(2);
  });
});
