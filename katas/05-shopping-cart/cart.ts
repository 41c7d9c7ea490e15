/**
 * Provided: you do not need to edit this file.
 *
 * The types the kata's steps share: what a cart holds, how it is shown, what an order is,
 * and the options every cart function takes.
 */
import type { RedisAdapter } from '../../adapters/redis-adapter.js';

/** How long an untouched cart lives, in seconds: 7 days. The server reads `CART_TTL_S`. */
export const DEFAULT_CART_TTL_S = 604_800;

/** The largest quantity one request may add or set. */
export const MAX_QUANTITY = 999;

/** What every cart function takes: a Redis, the key namespace, and the cart lifetime. */
export interface CartOptions {
  redis: RedisAdapter;
  /** Put in front of every key, e.g. `kata:05-shopping-cart:` (see `keys.ts`). */
  namespace: string;
  /** Seconds an untouched cart lives; every change starts it again. Default `DEFAULT_CART_TTL_S`. */
  ttlSeconds?: number;
}

/** A cart's content as Redis holds it: SKU → quantity (a whole number ≥ 1). */
export type Quantities = Record<string, number>;

/** One line of a cart or an order, priced from the catalogue. */
export interface CartLine {
  sku: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
  /** `unitPriceCents × quantity`. */
  lineTotalCents: number;
}

/** A cart as shown: its lines (by SKU), the sum of the line totals, and the number of units. */
export interface CartView {
  cartId: string;
  items: CartLine[];
  subtotalCents: number;
  /** Total units: the sum of the quantities, not the number of lines. */
  count: number;
}

/** What a checkout made: the order's id and the lines it took from the cart. */
export interface Order {
  /** Unique; the order is kept at `orderKey(namespace, orderId)`. */
  orderId: string;
  items: CartLine[];
  subtotalCents: number;
  count: number;
}

/** How a checkout is made atomic: an optimistic WATCH/MULTI with retries, or one Lua script. */
export type CheckoutStrategy = 'watch' | 'script';

export const CHECKOUT_STRATEGIES: readonly CheckoutStrategy[] = ['watch', 'script'];
