import type { RedisAdapter, WatchTransaction } from '../../adapters/redis-adapter.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { CHECKOUT_STRATEGIES } from './cart.js';
import { CheckoutContendedError } from './cart-errors.js';
import { createCartStore } from './cart-store.js';
import { priceCart } from './cart-view.js';
import { createCheckout } from './checkout.js';
import { orderKey } from './keys.js';

/**
 * `redis`, except that inside `watch()` every HGETALL is followed by an add from another
 * client: the watched cart always changes between the read and EXEC.
 */
function withMeddlingShopper(redis: RedisAdapter, shopper: RedisAdapter): RedisAdapter {
  const watch = <T>(fn: (tx: WatchTransaction) => Promise<T>) =>
    redis.watch((tx) =>
      fn(
        Object.assign(Object.create(tx) as WatchTransaction, {
          hGetAll: async (key: string) => {
            const fields = await tx.hGetAll(key);
            await shopper.hIncrBy(key, 'TEA-GREEN', 1);
            return fields;
          },
        }),
      ),
    );
  return Object.assign(Object.create(redis) as RedisAdapter, { watch });
}

describe('step 5 · atomic checkout', () => {
  describe.each(CHECKOUT_STRATEGIES)('with %s', (strategy) => {
    test('turns the cart into an order: the lines priced, the cart emptied', async ({ redis, prefix }) => {
      const carts = createCartStore({ redis, namespace: prefix });
      await carts.add('c1', 'TEA-GREEN', 2);
      await carts.add('c1', 'KETTLE', 1);
      const order = await createCheckout({ redis, namespace: prefix, strategy }).checkout('c1');
      const { items, subtotalCents, count } = priceCart('c1', { 'TEA-GREEN': 2, KETTLE: 1 });
      expect(order).toEqual({ orderId: expect.any(String), items, subtotalCents, count });
      expect(subtotalCents, 'cents').toBe(2 * 650 + 4999);
      expect(await carts.view('c1')).toMatchObject({ items: [], count: 0 });
    });

    test('keeps the order as a hash at orderKey(namespace, orderId), with the cart’s lines', async ({
      redis,
      prefix,
    }) => {
      const carts = createCartStore({ redis, namespace: prefix });
      await carts.add('c1', 'TEA-GREEN', 2);
      const order = await createCheckout({ redis, namespace: prefix, strategy }).checkout('c1');
      const key = orderKey(prefix, order?.orderId ?? '');
      expect(key).toBe(`${prefix}order:${order?.orderId}`);
      expect(await redis.hGetAll(key)).toEqual({ 'TEA-GREEN': '2' });
      expect(await keysUnder(redis, prefix), 'the order is the only key left').toEqual([key]);
    });

    test('the order id carries the cart’s hash tag, so cart and order share a cluster slot', async ({
      redis,
      prefix,
    }) => {
      const carts = createCartStore({ redis, namespace: prefix });
      await carts.add('c1', 'TEA-GREEN', 1);
      const checkout = createCheckout({ redis, namespace: prefix, strategy });
      const first = await checkout.checkout('c1');
      await carts.add('c1', 'TEA-GREEN', 1);
      const second = await checkout.checkout('c1');
      expect(first?.orderId).toMatch(/^\{c1\}/);
      expect(second?.orderId, 'a new id for every order').not.toBe(first?.orderId);
    });

    test('an unknown or empty cart gives null and writes nothing', async ({ redis, prefix }) => {
      const carts = createCartStore({ redis, namespace: prefix });
      const checkout = createCheckout({ redis, namespace: prefix, strategy });
      expect(await checkout.checkout('nobody')).toBeNull();
      await carts.add('c1', 'KETTLE', 1);
      await carts.removeItem('c1', 'KETTLE');
      expect(await checkout.checkout('c1')).toBeNull();
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });

    test('10 concurrent checkouts of one cart, from two app instances, make exactly one order', async ({
      redis,
      prefix,
      connect,
    }) => {
      const carts = createCartStore({ redis, namespace: prefix });
      await carts.add('c1', 'TEA-GREEN', 3);
      const here = createCheckout({ redis, namespace: prefix, strategy });
      const there = createCheckout({ redis: connect(), namespace: prefix, strategy });
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? here : there).checkout('c1')));
      const orders = results.filter((order) => order !== null);
      expect(orders, 'orders made by 10 checkouts of one cart').toHaveLength(1);
      expect(orders[0]?.count, 'units in the order').toBe(3);
      expect(
        (await keysUnder(redis, prefix)).filter((key) => key.includes('order:')),
        'order keys',
      ).toHaveLength(1);
    });

    test('adds racing checkouts are never lost and never in two places: every unit is in exactly one order or the cart', async ({
      redis,
      prefix,
      connect,
    }) => {
      const carts = createCartStore({ redis, namespace: prefix });
      const shopper = createCartStore({ redis: connect(), namespace: prefix });
      const checkout = createCheckout({ redis, namespace: prefix, strategy });
      await carts.add('c1', 'TEA-GREEN', 1);
      const adds = Array.from({ length: 30 }, () => shopper.add('c1', 'TEA-GREEN', 1));
      const checkouts = Array.from({ length: 5 }, () => checkout.checkout('c1'));
      const [, orders] = await Promise.all([Promise.all(adds), Promise.all(checkouts)]);
      const ordered = orders.reduce((sum, order) => sum + (order?.count ?? 0), 0);
      const left = (await carts.quantities('c1'))['TEA-GREEN'] ?? 0;
      expect(ordered + left, `units ordered (${ordered}) + units left in the cart (${left})`).toBe(31);
      let stored = 0;
      for (const order of orders) {
        if (order) stored += Number((await redis.hGetAll(orderKey(prefix, order.orderId)))['TEA-GREEN']);
      }
      expect(stored, 'units in the stored orders').toBe(ordered);
    });
  });

  test('with watch, a cart that changes before every EXEC throws CheckoutContendedError after maxAttempts, and nothing is ordered', async ({
    redis,
    prefix,
    connect,
  }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 1);
    const meddled = withMeddlingShopper(redis, connect());
    const checkout = createCheckout({ redis: meddled, namespace: prefix, strategy: 'watch', maxAttempts: 3 });
    await expect(checkout.checkout('c1')).rejects.toThrow(CheckoutContendedError);
    expect(await carts.quantities('c1'), '1 unit + 3 meddling adds, all still in the cart').toEqual({ 'TEA-GREEN': 4 });
    expect(await keysUnder(redis, prefix), 'no order key').toEqual([carts.keyFor('c1')]);
  });

  test('with script, a checkout is one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    const checkout = createCheckout({ redis, namespace: prefix, strategy: 'script' });
    await checkout.checkout('warm-up');
    await carts.add('c1', 'TEA-GREEN', 1);
    commandLog.clear();
    await checkout.checkout('c1');
    expect(commandLog.roundTrips, 'round trips sent by checkout()').toHaveLength(1);
  });

  test('with watch, a checkout WATCHes the cart, reads it, and writes in MULTI/EXEC', async ({
    redis,
    prefix,
    commandLog,
  }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    const checkout = createCheckout({ redis, namespace: prefix, strategy: 'watch' });
    await carts.add('c1', 'TEA-GREEN', 1);
    commandLog.clear();
    await checkout.checkout('c1');
    const sent = commandLog.commands.map((command) => command[0]?.toUpperCase());
    expect(sent, 'commands sent, in order').toEqual(['WATCH', 'HGETALL', 'MULTI', 'HSET', 'DEL', 'EXEC']);
  });
});
