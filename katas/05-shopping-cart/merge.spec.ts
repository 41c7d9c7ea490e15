import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { SameCartError } from './cart-errors.js';
import { createCartStore } from './cart-store.js';
import { createCartMerge } from './merge.js';

const HOUR = 3600;

describe('step 6 · merge', () => {
  test('adds the guest cart’s lines to the user’s, summing quantities of the same SKU', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('guest', 'TEA-GREEN', 2);
    await carts.add('guest', 'KETTLE', 1);
    await carts.add('user', 'TEA-GREEN', 3);
    await carts.add('user', 'MUG-WHITE', 1);
    const merged = await createCartMerge({ redis, namespace: prefix }).merge('guest', 'user');
    expect(merged).toEqual({ 'TEA-GREEN': 5, KETTLE: 1, 'MUG-WHITE': 1 });
    expect(await carts.quantities('user')).toEqual({ 'TEA-GREEN': 5, KETTLE: 1, 'MUG-WHITE': 1 });
  });

  test('deletes the cart merged from', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('guest', 'TEA-GREEN', 2);
    await createCartMerge({ redis, namespace: prefix }).merge('guest', 'user');
    expect(await redis.exists(carts.keyFor('guest'))).toBe(0);
    expect(await keysUnder(redis, prefix)).toEqual([carts.keyFor('user')]);
  });

  test('merging into an unknown cart makes it', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('guest', 'HONEY-250', 4);
    expect(await createCartMerge({ redis, namespace: prefix }).merge('guest', 'new')).toEqual({ 'HONEY-250': 4 });
  });

  test('a missing or empty cart to merge from gives null and changes nothing', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix, ttlSeconds: HOUR });
    await carts.add('user', 'KETTLE', 1);
    await redis.expire(carts.keyFor('user'), 60);
    expect(await createCartMerge({ redis, namespace: prefix, ttlSeconds: HOUR }).merge('nobody', 'user')).toBeNull();
    expect(await carts.quantities('user')).toEqual({ KETTLE: 1 });
    expect(await redis.ttl(carts.keyFor('user')), 'TTL in seconds, untouched').toBeLessThanOrEqual(60);
    expect(await keysUnder(redis, prefix)).toEqual([carts.keyFor('user')]);
  });

  test('a line of the guest cart that is not a whole quantity is dropped, never merged', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await redis.hSet(carts.keyFor('guest'), { KETTLE: '1', 'TEA-GREEN': 'lots', 'MUG-WHITE': '0' });
    await carts.add('user', 'TEA-GREEN', 2);
    expect(await createCartMerge({ redis, namespace: prefix }).merge('guest', 'user')).toEqual({
      KETTLE: 1,
      'TEA-GREEN': 2,
    });
    expect(await redis.hGetAll(carts.keyFor('user')), 'the merged hash').toEqual({ KETTLE: '1', 'TEA-GREEN': '2' });
  });

  test('merging a cart into itself throws SameCartError and changes nothing', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'KETTLE', 1);
    await expect(createCartMerge({ redis, namespace: prefix }).merge('c1', 'c1')).rejects.toThrow(SameCartError);
    expect(await carts.quantities('c1')).toEqual({ KETTLE: 1 });
  });

  test('the merged cart’s lifetime starts again', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix, ttlSeconds: HOUR });
    await carts.add('guest', 'TEA-GREEN', 1);
    await carts.add('user', 'KETTLE', 1);
    await redis.expire(carts.keyFor('user'), 60);
    await createCartMerge({ redis, namespace: prefix, ttlSeconds: HOUR }).merge('guest', 'user');
    expect(await redis.ttl(carts.keyFor('user')), 'TTL in seconds').toBeGreaterThan(HOUR - 5);
  });

  test('a merge is three round trips: claim the guest cart, add its lines, drop the claim', async ({
    redis,
    prefix,
    commandLog,
  }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    const merger = createCartMerge({ redis, namespace: prefix });
    await carts.add('warm-up', 'TEA-GREEN', 1);
    await merger.merge('warm-up', 'user');
    await carts.add('guest', 'TEA-GREEN', 1);
    commandLog.clear();
    await merger.merge('guest', 'user');
    expect(commandLog.roundTrips, 'round trips sent by merge()').toHaveLength(3);
  });

  test('a merge whose add Redis refuses puts the guest cart’s lines back', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('guest', 'TEA-GREEN', 2);
    await redis.set(carts.keyFor('user'), 'not a cart');
    await expect(createCartMerge({ redis, namespace: prefix }).merge('guest', 'user')).rejects.toThrow(/WRONGTYPE/);
    expect(await carts.quantities('guest')).toEqual({ 'TEA-GREEN': 2 });
    expect(await keysUnder(redis, prefix)).toEqual([carts.keyFor('guest'), carts.keyFor('user')].sort());
  });

  test('concurrent merges of one guest cart into two carts: every unit lands in exactly one', async ({
    redis,
    prefix,
    connect,
  }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('guest', 'TEA-GREEN', 4);
    const here = createCartMerge({ redis, namespace: prefix });
    const there = createCartMerge({ redis: connect(), namespace: prefix });
    const results = await Promise.all([here.merge('guest', 'a'), there.merge('guest', 'b'), here.merge('guest', 'a')]);
    expect(
      results.filter((result) => result !== null),
      'merges that found the guest cart',
    ).toHaveLength(1);
    const a = (await carts.quantities('a'))['TEA-GREEN'] ?? 0;
    const b = (await carts.quantities('b'))['TEA-GREEN'] ?? 0;
    expect(a + b, `units in a (${a}) + units in b (${b})`).toBe(4);
  });

  test('adds racing a merge are never lost: every unit ends in the user’s cart or the guest’s', async ({
    redis,
    prefix,
    connect,
  }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    const shopper = createCartStore({ redis: connect(), namespace: prefix });
    await carts.add('guest', 'TEA-GREEN', 1);
    const merger = createCartMerge({ redis, namespace: prefix });
    const adds = Array.from({ length: 20 }, () => shopper.add('guest', 'TEA-GREEN', 1));
    await Promise.all([...adds, merger.merge('guest', 'user'), merger.merge('guest', 'user')]);
    const user = (await carts.quantities('user'))['TEA-GREEN'] ?? 0;
    const guest = (await carts.quantities('guest'))['TEA-GREEN'] ?? 0;
    expect(user + guest, `units in the user's cart (${user}) + in the guest's (${guest})`).toBe(21);
  });
});
