import { NotImplementedError } from '../not-implemented-error.js';
import type { CartOptions, CartView, Quantities } from './cart.js';

/**
 * One cart per id, as one hash: a field per SKU, its quantity as the value. Every change
 * (`add`, `setQuantity`, `removeItem`) is one round trip and starts the cart's lifetime
 * (`ttlSeconds`) again; reads leave it alone.
 */
export interface CartStore {
  /** The cart's key: `cartKey(namespace, cartId)`. */
  keyFor(cartId: string): string;

  /**
   * Step 2. Adds `quantity` (1–`MAX_QUANTITY`) of `sku` to the line (a new line starts at
   * 0) and returns the cart's quantities after it. Throws `UnknownSkuError` for a SKU not
   * in the catalogue and `InvalidQuantityError` for a bad quantity, writing nothing.
   */
  add(cartId: string, sku: string, quantity: number): Promise<Quantities>;

  /**
   * Step 2. Sets the line's quantity (0–`MAX_QUANTITY`; 0 removes the line) and returns the
   * cart's quantities after it; `null`, writing nothing, when `sku` is not in the cart.
   * Throws like `add` for an unknown SKU or a bad quantity.
   */
  setQuantity(cartId: string, sku: string, quantity: number): Promise<Quantities | null>;

  /** Step 2. Removes the line; `true` when it was in the cart. Throws `UnknownSkuError` like `add`. */
  removeItem(cartId: string, sku: string): Promise<boolean>;

  /** Step 2. Deletes the whole cart (nothing happens for an unknown one). */
  clear(cartId: string): Promise<void>;

  /** Step 2. The cart's quantities; `{}` for an unknown or emptied cart. A read: the TTL stays. */
  quantities(cartId: string): Promise<Quantities>;

  /** Step 3. The cart priced from the catalogue (`priceCart`). A read: the TTL stays. */
  view(cartId: string): Promise<CartView>;
}

/** Steps 2–4. A cart store on `options.redis`, under `options.namespace`. */
export function createCartStore(options: CartOptions): CartStore {
  void options;
  throw new NotImplementedError('05-shopping-cart', 2, 'createCartStore(…)');
}
