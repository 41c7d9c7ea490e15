import { type CartOptions, DEFAULT_CART_TTL_S, MAX_QUANTITY } from '../../katas/05-shopping-cart/cart.js';
import { InvalidQuantityError, UnknownSkuError } from '../../katas/05-shopping-cart/cart-errors.js';
import type { CartStore } from '../../katas/05-shopping-cart/cart-store.js';
import { findProduct } from '../../katas/05-shopping-cart/catalogue.js';
import { cartKey } from '../../katas/05-shopping-cart/keys.js';
import { pairsToHash, parseQuantities } from '../../katas/05-shopping-cart/quantities.js';
import { priceCart } from './cart-view.js';

/**
 * KEYS[1] the cart · ARGV[1] sku · ARGV[2] quantity (0 removes the line) · ARGV[3] TTL in s.
 * Returns the cart's fields after the change, or false (nil) when the SKU was not in it.
 *
 * "Only if the line exists" is a read followed by a write: in one script nothing can run
 * in between (a checkout emptying the cart, say), and it costs one round trip.
 */
const SET_QUANTITY = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return false end
if ARGV[2] == '0' then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return redis.call('HGETALL', KEYS[1])
`;

/** Refuses, before any write, what the cart must never hold. */
function checkLine(sku: string, quantity: number, min: number): void {
  if (!findProduct(sku)) throw new UnknownSkuError(sku);
  if (!Number.isInteger(quantity) || quantity < min || quantity > MAX_QUANTITY) {
    throw new InvalidQuantityError(quantity, min, MAX_QUANTITY);
  }
}

/** Carts as hashes: a field per SKU, HINCRBY to add, and a sliding TTL on the key. */
export function createCartStore({ redis, namespace, ttlSeconds = DEFAULT_CART_TTL_S }: CartOptions): CartStore {
  const keyFor = (cartId: string) => cartKey(namespace, cartId);
  const setQuantityScript = redis.defineScript(SET_QUANTITY);

  const quantities = async (cartId: string) => parseQuantities(await redis.hGetAll(keyFor(cartId)));

  return {
    keyFor,
    quantities,

    async add(cartId, sku, quantity) {
      checkLine(sku, quantity, 1);
      const key = keyFor(cartId);
      // HINCRBY adds atomically (two adds at once both count), EXPIRE starts the cart's
      // lifetime again, HGETALL reads the result: one MULTI, one round trip.
      const [, , fields] = await redis.multi().hIncrBy(key, sku, quantity).expire(key, ttlSeconds).hGetAll(key).exec();
      return parseQuantities(fields as Record<string, string>);
    },

    async setQuantity(cartId, sku, quantity) {
      checkLine(sku, quantity, 0);
      const reply = await setQuantityScript.run([keyFor(cartId)], [sku, quantity, ttlSeconds]);
      return reply === null ? null : parseQuantities(pairsToHash(reply));
    },

    async removeItem(cartId, sku) {
      if (!findProduct(sku)) throw new UnknownSkuError(sku);
      const key = keyFor(cartId);
      // When the last line goes, Redis deletes the key itself, and EXPIRE finds nothing.
      const [removed] = await redis.multi().hDel(key, sku).expire(key, ttlSeconds).exec();
      return removed === 1;
    },

    async clear(cartId) {
      await redis.del(keyFor(cartId));
    },

    async view(cartId) {
      return priceCart(cartId, await quantities(cartId));
    },
  };
}
