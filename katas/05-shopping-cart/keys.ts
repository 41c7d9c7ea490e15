/**
 * Provided: you do not need to edit this file.
 *
 * Where the kata keeps things in Redis. Every key starts with a namespace (the server's
 * `prefix`, or a test's own) so that two apps, or two tests, never share a key.
 *
 * A cart and the orders made from it share a hash tag, `{<cartId>}`: Redis Cluster puts
 * keys into slots by the part between the first `{` and `}` only, so a checkout (which
 * reads the cart and writes the order in one atomic step) touches one slot and runs
 * unchanged on a cluster.
 */
import { randomBytes } from 'node:crypto';

/** The cart's hash: one field per SKU, its quantity as the value. `<namespace>cart:{<cartId>}`. */
export function cartKey(namespace: string, cartId: string): string {
  return `${namespace}cart:{${cartId}}`;
}

/**
 * A merge's claim on cart `cartId`: the cart, renamed while its lines move into another cart
 * (step 6). `<namespace>cart:{<cartId>}:merging:<mergeId>`, in the cart's slot.
 */
export function mergeClaimKey(namespace: string, cartId: string, mergeId: string): string {
  return `${cartKey(namespace, cartId)}:merging:${mergeId}`;
}

/** An order's hash, the lines of the cart it came from. `<namespace>order:<orderId>`. */
export function orderKey(namespace: string, orderId: string): string {
  return `${namespace}order:${orderId}`;
}

/** A user profile's hash. `<namespace>user:<userId>`. */
export function profileKey(namespace: string, userId: string): string {
  return `${namespace}user:${userId}`;
}

/**
 * A new, unique order id for a checkout of `cartId`: `{<cartId>}-<16 hex digits>`. It
 * starts with the cart's hash tag, so the order's key lives in the cart's slot.
 */
export function newOrderId(cartId: string): string {
  return `{${cartId}}-${randomBytes(8).toString('hex')}`;
}
