import type { CartLine, CartView, Quantities } from '../../katas/05-shopping-cart/cart.js';
import { findProduct } from '../../katas/05-shopping-cart/catalogue.js';

/** One priced line, or `undefined` for a SKU the catalogue does not know (any more). */
function priceLine(sku: string, quantity: number): CartLine | undefined {
  const product = findProduct(sku);
  if (!product) return undefined;
  return {
    sku,
    name: product.name,
    unitPriceCents: product.priceCents,
    quantity,
    lineTotalCents: product.priceCents * quantity,
  };
}

/**
 * A cart priced from the catalogue. Integer cents all the way: 3 × 5.90 in floats is
 * 17.700000000000003, 3 × 590 cents is 1770.
 */
export function priceCart(cartId: string, quantities: Quantities): CartView {
  const items = Object.keys(quantities)
    .sort()
    .flatMap((sku) => priceLine(sku, quantities[sku] ?? 0) ?? []);
  return {
    cartId,
    items,
    subtotalCents: items.reduce((sum, line) => sum + line.lineTotalCents, 0),
    count: items.reduce((sum, line) => sum + line.quantity, 0),
  };
}
