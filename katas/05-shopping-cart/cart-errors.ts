/**
 * Provided: you do not need to edit this file.
 *
 * What the cart functions throw for input they refuse. Each is thrown before anything is
 * written; the server turns them into 400 answers (409 for a contended checkout).
 */

/** The SKU is not in the catalogue. */
export class UnknownSkuError extends Error {
  override name = 'UnknownSkuError';
  constructor(readonly sku: string) {
    super(`No product with SKU "${sku}"; the catalogue lists the SKUs on sale.`);
  }
}

/** A quantity that is not a whole number in the allowed range. */
export class InvalidQuantityError extends RangeError {
  override name = 'InvalidQuantityError';
  constructor(quantity: number, min: number, max: number) {
    super(`The quantity must be a whole number from ${min} to ${max}; got ${quantity}.`);
  }
}

/** A cart cannot be merged into itself. */
export class SameCartError extends Error {
  override name = 'SameCartError';
  constructor(readonly cartId: string) {
    super(`Cannot merge cart "${cartId}" into itself; name another cart in "from".`);
  }
}

/** Every WATCH/MULTI attempt of a checkout met a change to the cart: nothing was ordered. */
export class CheckoutContendedError extends Error {
  override name = 'CheckoutContendedError';
  constructor(
    readonly cartId: string,
    readonly attempts: number,
  ) {
    super(`Cart "${cartId}" kept changing during checkout (${attempts} attempts); nothing was ordered. Try again.`);
  }
}
