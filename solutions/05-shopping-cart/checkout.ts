import { setTimeout as sleep } from 'node:timers/promises';
import { WatchConflictError } from '../../adapters/errors/index.js';
import type { RedisAdapter, WatchTransaction } from '../../adapters/redis-adapter.js';
import type { Order, Quantities } from '../../katas/05-shopping-cart/cart.js';
import { CheckoutContendedError } from '../../katas/05-shopping-cart/cart-errors.js';
import type { Checkout, CheckoutOptions } from '../../katas/05-shopping-cart/checkout.js';
import { cartKey, newOrderId, orderKey } from '../../katas/05-shopping-cart/keys.js';
import { pairsToHash, parseQuantities } from '../../katas/05-shopping-cart/quantities.js';
import { priceCart } from './cart-view.js';

/**
 * KEYS[1] the cart · KEYS[2] the new order. Copies every field of the cart into the order
 * and deletes the cart; returns the fields, or false (nil) for an empty cart. Redis runs a
 * script whole, with nothing in between: no lock, no retry, one round trip.
 */
const CHECKOUT = `
local lines = redis.call('HGETALL', KEYS[1])
if #lines == 0 then return false end
redis.call('HSET', KEYS[2], unpack(lines))
redis.call('DEL', KEYS[1])
return lines
`;

/** The order as answered: its id and the cart's lines, priced like the cart. */
function toOrder(orderId: string, cartId: string, quantities: Quantities): Order {
  const { items, subtotalCents, count } = priceCart(cartId, quantities);
  return { orderId, items, subtotalCents, count };
}

/** A short random pause before a retry, so that the losers of a conflict do not collide again in step. */
const backoff = (attempt: number) => sleep(Math.random() * Math.min(2 ** attempt, 20));

/**
 * Optimistic: WATCH the cart, read it, and queue "write the order, delete the cart" in a
 * MULTI. If anything changed the cart after WATCH, EXEC runs nothing and rejects with
 * `WatchConflictError`: read again and retry, on the same connection. WATCH state belongs
 * to a connection, so `redis.watch` lends one of its own for the whole checkout; each
 * attempt costs three round trips (WATCH, HGETALL, MULTI…EXEC).
 */
function watchCheckout(redis: RedisAdapter, namespace: string, maxAttempts: number) {
  /** One attempt: the order, `null` for an empty cart, or `'conflict'` when EXEC ran nothing. */
  const attempt = async (tx: WatchTransaction, cartId: string): Promise<Order | null | 'conflict'> => {
    const key = cartKey(namespace, cartId);
    await tx.watchKeys(key);
    const fields = await tx.hGetAll(key);
    // Nothing to order. The connection is released when the transaction ends, WATCH with it.
    if (Object.keys(fields).length === 0) return null;
    const orderId = newOrderId(cartId);
    try {
      await tx.multi().hSet(orderKey(namespace, orderId), fields).del(key).exec();
    } catch (error) {
      if (error instanceof WatchConflictError) return 'conflict';
      throw error;
    }
    return toOrder(orderId, cartId, parseQuantities(fields));
  };

  return (cartId: string): Promise<Order | null> =>
    redis.watch(async (tx) => {
      for (let tries = 1; tries <= maxAttempts; tries += 1) {
        const outcome = await attempt(tx, cartId);
        if (outcome !== 'conflict') return outcome;
        await backoff(tries);
      }
      throw new CheckoutContendedError(cartId, maxAttempts);
    });
}

/** Pessimistic in effect, without a lock: the script is the critical section. One round trip, never a retry. */
function scriptCheckout(redis: RedisAdapter, namespace: string) {
  const script = redis.defineScript(CHECKOUT);
  return async (cartId: string): Promise<Order | null> => {
    const orderId = newOrderId(cartId);
    const reply = await script.run([cartKey(namespace, cartId), orderKey(namespace, orderId)], []);
    return reply === null ? null : toOrder(orderId, cartId, parseQuantities(pairsToHash(reply)));
  };
}

export function createCheckout({ redis, namespace, strategy, maxAttempts = 20 }: CheckoutOptions): Checkout {
  const checkout =
    strategy === 'watch' ? watchCheckout(redis, namespace, maxAttempts) : scriptCheckout(redis, namespace);
  return { strategy, checkout };
}
