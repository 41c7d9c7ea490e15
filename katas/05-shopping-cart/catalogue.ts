/**
 * Provided: you do not need to edit this file.
 *
 * The shop's catalogue, in code: the one place prices come from. A cart stores SKUs and
 * quantities only; names and prices are looked up here when a cart is shown or ordered.
 */

/** One product. All money is integer cents: 650 is 6.50, never the float 6.5. */
export interface Product {
  /** Stock-keeping unit: the product's id, 1–64 of A–Z, a–z, 0–9, `_` or `-`. */
  sku: string;
  name: string;
  priceCents: number;
}

/** Every product, in the order `GET /catalogue` lists them. */
export const CATALOGUE: readonly Product[] = Object.freeze([
  { sku: 'TEA-GREEN', name: 'Sencha green tea, 100 g', priceCents: 650 },
  { sku: 'TEA-BLACK', name: 'Assam black tea, 100 g', priceCents: 590 },
  { sku: 'HONEY-250', name: 'Acacia honey, 250 g', priceCents: 899 },
  { sku: 'FILTER-50', name: 'Paper tea filters, 50', priceCents: 350 },
  { sku: 'MUG-WHITE', name: 'White porcelain mug', priceCents: 1200 },
  { sku: 'KETTLE', name: 'Gooseneck kettle, 1 l', priceCents: 4999 },
]);

// A Map, not an object: `findProduct('__proto__')` or `findProduct('constructor')` must
// find nothing, and an object literal would find Object.prototype's members.
const bySku = new Map(CATALOGUE.map((product) => [product.sku, product]));

/** The product with this SKU, or `undefined` when the shop does not sell it. */
export function findProduct(sku: string): Product | undefined {
  return bySku.get(sku);
}
