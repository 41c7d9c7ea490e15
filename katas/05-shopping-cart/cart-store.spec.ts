import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { InvalidQuantityError, UnknownSkuError } from './cart-errors.js';
import { createCartStore } from './cart-store.js';

describe('step 2 · add, remove, change quantity', () => {
  test('add puts a line in the cart and returns the quantities', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    expect(await carts.add('c1', 'TEA-GREEN', 2)).toEqual({ 'TEA-GREEN': 2 });
    expect(await carts.add('c1', 'MUG-WHITE', 1)).toEqual({ 'TEA-GREEN': 2, 'MUG-WHITE': 1 });
  });

  test('adding a SKU already in the cart adds to its quantity', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 2);
    expect(await carts.add('c1', 'TEA-GREEN', 3)).toEqual({ 'TEA-GREEN': 5 });
  });

  test('the cart is a hash under cartKey: one field per SKU, the quantity as its value', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 2);
    await carts.add('c1', 'KETTLE', 1);
    expect(carts.keyFor('c1')).toBe(`${prefix}cart:{c1}`);
    expect(await redis.type(`${prefix}cart:{c1}`)).toBe('hash');
    expect(await redis.hGetAll(`${prefix}cart:{c1}`)).toEqual({ 'TEA-GREEN': '2', KETTLE: '1' });
  });

  test('20 concurrent adds of one SKU all count (no read-then-write race)', async ({ redis, prefix, connect }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    const other = createCartStore({ redis: connect(), namespace: prefix });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? carts : other).add('c1', 'TEA-GREEN', 1)));
    expect(await carts.quantities('c1'), '20 adds of 1 unit').toEqual({ 'TEA-GREEN': 20 });
  });

  test('an add is one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    commandLog.clear();
    await carts.add('c1', 'TEA-GREEN', 1);
    expect(commandLog.roundTrips, 'round trips sent by add()').toHaveLength(1);
  });

  test('setQuantity sets the line to exactly that quantity', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 5);
    await carts.add('c1', 'KETTLE', 1);
    expect(await carts.setQuantity('c1', 'TEA-GREEN', 2)).toEqual({ 'TEA-GREEN': 2, KETTLE: 1 });
  });

  test('setQuantity to 0 removes the line', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 5);
    await carts.add('c1', 'KETTLE', 1);
    expect(await carts.setQuantity('c1', 'TEA-GREEN', 0)).toEqual({ KETTLE: 1 });
    expect(await redis.hExists(carts.keyFor('c1'), 'TEA-GREEN')).toBe(false);
  });

  test('setQuantity of a SKU not in the cart returns null and writes nothing', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    expect(await carts.setQuantity('c1', 'TEA-GREEN', 3)).toBeNull();
    expect(await keysUnder(redis, prefix), 'keys after setQuantity on an unknown cart').toEqual([]);
    await carts.add('c1', 'KETTLE', 1);
    expect(await carts.setQuantity('c1', 'TEA-GREEN', 3)).toBeNull();
    expect(await carts.quantities('c1')).toEqual({ KETTLE: 1 });
  });

  test('removeItem removes the line and says whether it was there', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 5);
    await carts.add('c1', 'KETTLE', 1);
    expect(await carts.removeItem('c1', 'TEA-GREEN')).toBe(true);
    expect(await carts.removeItem('c1', 'TEA-GREEN')).toBe(false);
    expect(await carts.quantities('c1')).toEqual({ KETTLE: 1 });
  });

  test('a cart whose last line is removed is empty: {} and no key left', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 1);
    await carts.removeItem('c1', 'TEA-GREEN');
    expect(await carts.quantities('c1')).toEqual({});
    expect(await redis.exists(carts.keyFor('c1'))).toBe(0);
  });

  test('clear deletes the cart; quantities of an unknown cart are {}', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 1);
    await carts.clear('c1');
    await carts.clear('never-seen');
    expect(await carts.quantities('c1')).toEqual({});
    expect(await keysUnder(redis, prefix)).toEqual([]);
  });

  test('each cart is its own hash', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 1);
    await carts.add('c2', 'KETTLE', 2);
    expect(await carts.quantities('c1')).toEqual({ 'TEA-GREEN': 1 });
    expect(await carts.quantities('c2')).toEqual({ KETTLE: 2 });
  });

  test.for(['NOPE', '__proto__', 'constructor'])(
    'an unknown SKU (%s) throws UnknownSkuError and writes nothing',
    async (sku, { redis, prefix }) => {
      const carts = createCartStore({ redis, namespace: prefix });
      await expect(carts.add('c1', sku, 1)).rejects.toThrow(UnknownSkuError);
      await expect(carts.setQuantity('c1', sku, 1)).rejects.toThrow(UnknownSkuError);
      await expect(carts.removeItem('c1', sku)).rejects.toThrow(UnknownSkuError);
      expect(await keysUnder(redis, prefix), 'keys written').toEqual([]);
    },
  );

  test.for([
    [0, 'add'],
    [-1, 'add'],
    [1.5, 'add'],
    [1000, 'add'],
    [Number.NaN, 'add'],
    [-1, 'setQuantity'],
    [2.5, 'setQuantity'],
    [1000, 'setQuantity'],
  ] as const)(
    'a quantity of %s to %s throws InvalidQuantityError and changes nothing (quantities never go negative)',
    async ([quantity, to], { redis, prefix }) => {
      const carts = createCartStore({ redis, namespace: prefix });
      await carts.add('c1', 'TEA-GREEN', 2);
      await expect(carts[to]('c1', 'TEA-GREEN', quantity)).rejects.toThrow(InvalidQuantityError);
      expect(await carts.quantities('c1')).toEqual({ 'TEA-GREEN': 2 });
    },
  );
});
