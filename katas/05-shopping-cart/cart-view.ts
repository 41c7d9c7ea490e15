import { NotImplementedError } from '../not-implemented-error.js';
import type { CartView, Quantities } from './cart.js';

/**
 * Step 3. Prices a cart from the catalogue (`findProduct`): one line per SKU, sorted by
 * SKU, with `lineTotalCents = unitPriceCents × quantity`; `subtotalCents` the sum of the
 * line totals and `count` the sum of the quantities. SKUs the catalogue does not know are
 * left out. All money is integer cents.
 */
export function priceCart(cartId: string, quantities: Quantities): CartView {
  void cartId;
  void quantities;
  throw new NotImplementedError('05-shopping-cart', 3, 'priceCart(cartId, quantities)');
}
