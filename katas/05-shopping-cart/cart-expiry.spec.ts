import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { describe, expect, test } from '../../harness/test.js';
import { DEFAULT_CART_TTL_S } from './cart.js';
import { type CartStore, createCartStore } from './cart-store.js';

const HOUR = 3600;

/** A cart with two lines whose TTL has run down to 60 s, as if it had not been touched for a while. */
async function agedCart(redis: RedisAdapter, prefix: string) {
  const carts = createCartStore({ redis, namespace: prefix, ttlSeconds: HOUR });
  await carts.add('c1', 'TEA-GREEN', 2);
  await carts.add('c1', 'KETTLE', 1);
  await redis.expire(carts.keyFor('c1'), 60);
  return carts;
}

describe('step 4 · expiry', () => {
  test('a new cart lives ttlSeconds', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix, ttlSeconds: HOUR });
    await carts.add('c1', 'TEA-GREEN', 1);
    const ttl = await redis.ttl(carts.keyFor('c1'));
    expect(ttl, 'TTL in seconds').toBeGreaterThan(HOUR - 5);
    expect(ttl, 'TTL in seconds').toBeLessThanOrEqual(HOUR);
  });

  test('without ttlSeconds, a cart lives DEFAULT_CART_TTL_S (7 days, 604 800 s)', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix });
    await carts.add('c1', 'TEA-GREEN', 1);
    expect(DEFAULT_CART_TTL_S).toBe(604_800);
    expect(await redis.ttl(carts.keyFor('c1')), 'TTL in seconds').toBeGreaterThan(604_800 - 5);
  });

  const changes: [string, (carts: CartStore) => Promise<unknown>][] = [
    ['add', (carts) => carts.add('c1', 'TEA-GREEN', 1)],
    ['setQuantity', (carts) => carts.setQuantity('c1', 'KETTLE', 3)],
    ['removeItem', (carts) => carts.removeItem('c1', 'KETTLE')],
  ];
  test.for(changes)('%s starts the cart’s lifetime again', async ([, change], { redis, prefix }) => {
    const carts = await agedCart(redis, prefix);
    await change(carts);
    const ttl = await redis.ttl(carts.keyFor('c1'));
    expect(ttl, `TTL in seconds after the change (ttlSeconds ${HOUR})`).toBeGreaterThan(HOUR - 5);
  });

  test('reads (quantities, view) leave the TTL alone', async ({ redis, prefix }) => {
    const carts = await agedCart(redis, prefix);
    await carts.quantities('c1');
    await carts.view('c1');
    expect(await redis.ttl(carts.keyFor('c1')), 'TTL in seconds after two reads').toBeLessThanOrEqual(60);
  });

  test('a setQuantity that finds no line changes nothing, the TTL included', async ({ redis, prefix }) => {
    const carts = await agedCart(redis, prefix);
    expect(await carts.setQuantity('c1', 'MUG-WHITE', 2)).toBeNull();
    expect(await redis.ttl(carts.keyFor('c1')), 'TTL in seconds').toBeLessThanOrEqual(60);
  });

  test('the TTL is set in the same round trip as the change: a cart never exists without one', async ({
    redis,
    prefix,
    commandLog,
  }) => {
    const carts = createCartStore({ redis, namespace: prefix, ttlSeconds: HOUR });
    commandLog.clear();
    await carts.add('c1', 'TEA-GREEN', 1);
    expect(commandLog.roundTrips, 'round trips sent by add()').toHaveLength(1);
    expect(await redis.ttl(carts.keyFor('c1')), 'TTL in seconds').toBeGreaterThan(0);
  });

  test('an untouched cart is gone once its TTL has passed', async ({ redis, prefix }) => {
    const carts = createCartStore({ redis, namespace: prefix, ttlSeconds: 1 });
    await carts.add('c1', 'TEA-GREEN', 1);
    await expect.poll(async () => (await carts.view('c1')).items.length, { timeout: 3000, interval: 100 }).toBe(0);
  });
});
