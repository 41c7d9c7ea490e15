import { describe, expect, expectWithin, test } from '../../harness/test.js';
import { createCache } from './cache.js';

describe('step 1 · key/value with TTL', () => {
  test('get returns the value set stored', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello');
    expect(await cache.get('greeting')).toBe('hello');
  });

  test('get returns null for a key never set', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    expect(await cache.get('nothing-here')).toBeNull();
  });

  test('keyFor puts the namespace in front of the key', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    expect(cache.keyFor('greeting')).toBe(`${prefix}cache:greeting`);
  });

  test('set stores the value in Redis under the namespace', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello');
    expect(await redis.get(`${prefix}cache:greeting`)).toBe('hello');
  });

  test('set overwrites an existing value', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello');
    expect(await cache.set('greeting', 'bonjour')).toBe(true);
    expect(await cache.get('greeting')).toBe('bonjour');
  });

  test('set without a TTL gives the key the default TTL', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:`, defaultTtlSeconds: 60 });
    await cache.set('greeting', 'hello');
    const ttl = await redis.ttl(`${prefix}cache:greeting`);
    expectWithin(ttl, { above: 50, atMost: 60 }, 'the TTL in seconds');
  });

  test('the default TTL is 300 seconds', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello');
    const ttl = await redis.ttl(`${prefix}cache:greeting`);
    expectWithin(ttl, { above: 290, atMost: 300 }, 'the TTL in seconds');
  });

  test('set with ttlSeconds gives the key that TTL', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello', { ttlSeconds: 1200 });
    const ttl = await redis.ttl(`${prefix}cache:greeting`);
    expectWithin(ttl, { above: 1190, atMost: 1200 }, 'the TTL in seconds');
  });

  test('a value set with ttlMs expires by itself', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    // Under a second, yet long enough for the read right after to fall inside it on a busy machine.
    await cache.set('flash', 'gone soon', { ttlMs: 600 });
    expect(await cache.get('flash'), 'the value right after set').toBe('gone soon');
    await expect.poll(() => cache.get('flash'), { timeout: 5_000, interval: 25 }).toBeNull();
  });

  test('onlyIfAbsent keeps an existing value and returns false', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello');
    expect(await cache.set('greeting', 'bonjour', { onlyIfAbsent: true })).toBe(false);
    expect(await cache.get('greeting')).toBe('hello');
  });

  test('onlyIfAbsent writes a missing key and returns true', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    expect(await cache.set('greeting', 'hello', { onlyIfAbsent: true })).toBe(true);
    expect(await cache.get('greeting')).toBe('hello');
  });

  test('delete removes an existing key and returns true', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello');
    expect(await cache.delete('greeting')).toBe(true);
    expect(await cache.get('greeting')).toBeNull();
  });

  test('delete returns false for a missing key', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    expect(await cache.delete('nothing-here')).toBe(false);
  });

  test('entry returns the value with the whole seconds it has left', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello', { ttlSeconds: 90 });
    const entry = await cache.entry('greeting');
    expect(entry).toMatchObject({ key: 'greeting', value: 'hello' });
    expectWithin(entry?.ttlSeconds, { above: 85, atMost: 90 }, 'ttlSeconds, in seconds');
  });

  test('entry returns null for a missing key', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    expect(await cache.entry('nothing-here')).toBeNull();
  });

  test('persist removes the TTL, and entry then shows ttlSeconds null', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello', { ttlSeconds: 90 });
    expect(await cache.persist('greeting')).toBe(true);
    expect(await redis.ttl(`${prefix}cache:greeting`)).toBe(-1);
    expect(await cache.entry('greeting')).toEqual({ key: 'greeting', value: 'hello', ttlSeconds: null });
  });

  test('expire gives an existing key a new TTL', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await cache.set('greeting', 'hello', { ttlSeconds: 90 });
    expect(await cache.expire('greeting', 3600)).toBe(true);
    expectWithin(await redis.ttl(`${prefix}cache:greeting`), { above: 3590 }, 'the TTL in seconds');
  });

  test('expire returns false for a missing key', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    expect(await cache.expire('nothing-here', 60)).toBe(false);
  });

  test('keys outside the namespace are neither read nor deleted', async ({ redis, prefix }) => {
    const cache = createCache({ redis, namespace: `${prefix}cache:` });
    await redis.set(`${prefix}other:greeting`, 'not yours');
    expect(await cache.get('greeting')).toBeNull();
    expect(await cache.delete('greeting')).toBe(false);
    expect(await redis.get(`${prefix}other:greeting`)).toBe('not yours');
  });
});
