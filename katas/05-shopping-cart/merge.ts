import { NotImplementedError } from '../not-implemented-error.js';
import type { CartOptions, Quantities } from './cart.js';

/** Merges one cart into another: a guest's cart into the user's on login. */
export interface CartMerge {
  /**
   * Adds every line of cart `fromId` to cart `intoId` (quantities of the same SKU are
   * summed), deletes `fromId`, and starts `intoId`'s lifetime again, in three atomic steps
   * (the carts may be in different cluster slots): claim `fromId` under `mergeClaimKey`, add
   * its lines to `intoId`, drop the claim. Resolves with `intoId`'s quantities after it, or
   * `null`, writing nothing, when `fromId` is unknown or empty. Throws `SameCartError` when
   * both are the same cart.
   */
  merge(fromId: string, intoId: string): Promise<Quantities | null>;
}

/** Step 6. Cart merging on `options.redis`, under `options.namespace`. */
export function createCartMerge(options: CartOptions): CartMerge {
  void options;
  throw new NotImplementedError('05-shopping-cart', 6, 'createCartMerge(…)');
}
