import { NotImplementedError } from '../not-implemented-error.js';
import type { CartOptions, CheckoutStrategy, Order } from './cart.js';

export interface CheckoutOptions extends CartOptions {
  /** `'watch'`: WATCH the cart, read it, MULTI/EXEC the order, retry on a conflict. `'script'`: one Lua script. */
  strategy: CheckoutStrategy;
  /** With `'watch'`: how many attempts before `CheckoutContendedError`. Default 20. */
  maxAttempts?: number;
}

/** Turns a cart into an order, atomically: every line ends up in exactly one of the two. */
export interface Checkout {
  readonly strategy: CheckoutStrategy;
  /**
   * Moves the cart's lines into a new order, in one atomic step: the order's hash (at
   * `orderKey(namespace, orderId)`, with `orderId` from `newOrderId(cartId)`) gets the
   * cart's fields, and the cart is deleted. Resolves with the order, priced from the
   * catalogue, or `null` when the cart is unknown or empty (nothing is written). Of N
   * concurrent checkouts of one cart exactly one gets the order; an `add` racing it lands
   * either in the order or in the cart afterwards, never in both and never nowhere.
   * With `'watch'`, throws `CheckoutContendedError` after `maxAttempts` conflicts.
   */
  checkout(cartId: string): Promise<Order | null>;
}

/** Step 5. A checkout with the given strategy (both must pass the specs). */
export function createCheckout(options: CheckoutOptions): Checkout {
  void options;
  throw new NotImplementedError('05-shopping-cart', 5, `createCheckout({ strategy: '${options.strategy}' })`);
}
