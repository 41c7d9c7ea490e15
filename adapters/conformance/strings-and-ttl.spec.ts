import { describe, expect, test } from '../../harness/test.js';

describe('strings', () => {
  test('get returns null for a missing key', async ({ redis, prefix }) => {
    expect(await redis.get(`${prefix}missing`)).toBeNull();
  });

  test('set stores a value, returns true, and get returns it', async ({ redis, prefix }) => {
    expect(await redis.set(`${prefix}k`, 'hello')).toBe(true);
    expect(await redis.get(`${prefix}k`)).toBe('hello');
  });

  test('set stores the empty string, and get returns it as a string', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, '');
    expect(await redis.get(`${prefix}k`)).toBe('');
  });

  test('set with nx writes a missing key and returns true', async ({ redis, prefix }) => {
    expect(await redis.set(`${prefix}k`, 'first', { nx: true })).toBe(true);
    expect(await redis.get(`${prefix}k`)).toBe('first');
  });

  test('set with nx returns false and keeps the value of an existing key', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'first');
    expect(await redis.set(`${prefix}k`, 'second', { nx: true })).toBe(false);
    expect(await redis.get(`${prefix}k`)).toBe('first');
  });

  test('set with xx returns false and creates nothing for a missing key', async ({ redis, prefix }) => {
    expect(await redis.set(`${prefix}k`, 'value', { xx: true })).toBe(false);
    expect(await redis.exists(`${prefix}k`)).toBe(0);
  });

  test('set with xx overwrites an existing key and returns true', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'old');
    expect(await redis.set(`${prefix}k`, 'new', { xx: true })).toBe(true);
    expect(await redis.get(`${prefix}k`)).toBe('new');
  });

  test('mGet returns the values in order, with null for each missing key', async ({ redis, slotPrefix }) => {
    await redis.set(`${slotPrefix}a`, '1');
    await redis.set(`${slotPrefix}c`, '3');
    expect(await redis.mGet([`${slotPrefix}a`, `${slotPrefix}b`, `${slotPrefix}c`])).toEqual(['1', null, '3']);
  });

  test('incr counts a missing key from 0 and returns the new value as a number', async ({ redis, prefix }) => {
    expect(await redis.incr(`${prefix}n`)).toBe(1);
    expect(await redis.incr(`${prefix}n`)).toBe(2);
    expect(await redis.get(`${prefix}n`)).toBe('2');
  });

  test('incrBy adds a negative increment', async ({ redis, prefix }) => {
    await redis.set(`${prefix}n`, '10');
    expect(await redis.incrBy(`${prefix}n`, -3)).toBe(7);
  });

  test('incrByFloat returns the new value as a number', async ({ redis, prefix }) => {
    await redis.set(`${prefix}n`, '10');
    expect(await redis.incrByFloat(`${prefix}n`, 0.5)).toBe(10.5);
    expect(await redis.incrByFloat(`${prefix}n`, -10.5)).toBe(0);
  });
});

describe('expiry', () => {
  test('ttl returns -2 for a missing key and -1 for a key without expiry', async ({ redis, prefix }) => {
    expect(await redis.ttl(`${prefix}missing`)).toBe(-2);
    await redis.set(`${prefix}k`, 'v');
    expect(await redis.ttl(`${prefix}k`)).toBe(-1);
    expect(await redis.pTtl(`${prefix}missing`)).toBe(-2);
    expect(await redis.pTtl(`${prefix}k`)).toBe(-1);
  });

  test('set with ex sets a TTL in seconds', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v', { ex: 100 });
    const ttl = await redis.ttl(`${prefix}k`);
    expect(ttl).toBeGreaterThanOrEqual(99);
    expect(ttl).toBeLessThanOrEqual(100);
  });

  test('set with px sets a TTL in milliseconds', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v', { px: 5000 });
    const pTtl = await redis.pTtl(`${prefix}k`);
    expect(pTtl).toBeGreaterThan(4000);
    expect(pTtl).toBeLessThanOrEqual(5000);
  });

  test('a key set with px disappears after its TTL', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v', { px: 100 });
    expect(await redis.get(`${prefix}k`)).toBe('v');
    await expect.poll(() => redis.get(`${prefix}k`), { timeout: 1000, interval: 25 }).toBeNull();
    expect(await redis.exists(`${prefix}k`)).toBe(0);
  });

  test('set without keepTtl removes the TTL of an existing key', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'old', { ex: 100 });
    await redis.set(`${prefix}k`, 'new');
    expect(await redis.ttl(`${prefix}k`)).toBe(-1);
  });

  test('set with keepTtl keeps the TTL of an existing key', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'old', { ex: 100 });
    await redis.set(`${prefix}k`, 'new', { keepTtl: true });
    expect(await redis.get(`${prefix}k`)).toBe('new');
    expect(await redis.ttl(`${prefix}k`)).toBeGreaterThanOrEqual(99);
  });

  test('expire returns true and sets a TTL on an existing key', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v');
    expect(await redis.expire(`${prefix}k`, 100)).toBe(true);
    expect(await redis.ttl(`${prefix}k`)).toBeGreaterThanOrEqual(99);
  });

  test('expire returns false for a missing key', async ({ redis, prefix }) => {
    expect(await redis.expire(`${prefix}missing`, 100)).toBe(false);
  });

  test('expire with nx returns false and keeps the TTL when the key already has one', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v', { ex: 100 });
    expect(await redis.expire(`${prefix}k`, 500, 'nx')).toBe(false);
    expect(await redis.ttl(`${prefix}k`)).toBeLessThanOrEqual(100);
  });

  test('expire with nx sets a TTL on a key without one', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v');
    expect(await redis.expire(`${prefix}k`, 100, 'nx')).toBe(true);
    expect(await redis.ttl(`${prefix}k`)).toBeGreaterThanOrEqual(99);
  });

  test('expire with xx returns false for a key without a TTL', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v');
    expect(await redis.expire(`${prefix}k`, 100, 'xx')).toBe(false);
    expect(await redis.ttl(`${prefix}k`)).toBe(-1);
  });

  test('expire with gt only lengthens the TTL', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v', { ex: 100 });
    expect(await redis.expire(`${prefix}k`, 50, 'gt')).toBe(false);
    expect(await redis.expire(`${prefix}k`, 200, 'gt')).toBe(true);
    expect(await redis.ttl(`${prefix}k`)).toBeGreaterThan(100);
  });

  test('expire with lt only shortens the TTL', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v', { ex: 100 });
    expect(await redis.expire(`${prefix}k`, 200, 'lt')).toBe(false);
    expect(await redis.expire(`${prefix}k`, 50, 'lt')).toBe(true);
    expect(await redis.ttl(`${prefix}k`)).toBeLessThanOrEqual(50);
  });

  test('pExpire sets a TTL in milliseconds and pTtl reads it', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v');
    expect(await redis.pExpire(`${prefix}k`, 5000)).toBe(true);
    const pTtl = await redis.pTtl(`${prefix}k`);
    expect(pTtl).toBeGreaterThan(4000);
    expect(pTtl).toBeLessThanOrEqual(5000);
  });

  test('persist removes the TTL and returns true', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v', { ex: 100 });
    expect(await redis.persist(`${prefix}k`)).toBe(true);
    expect(await redis.ttl(`${prefix}k`)).toBe(-1);
  });

  test('persist returns false for a key without a TTL', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'v');
    expect(await redis.persist(`${prefix}k`)).toBe(false);
  });
});
