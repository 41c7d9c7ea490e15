/**
 * Provided: you do not need to edit this file.
 *
 * Reading a cart's hash back into numbers. Redis gives every field as a string, and a key
 * may hold something this code did not write: what is not a whole quantity ≥ 1 is left out
 * (a line that does not parse is ignored, never a crash).
 */
import type { Quantities } from './cart.js';

/** HGETALL's fields (SKU → "quantity") → SKU → quantity, keeping whole numbers ≥ 1 only. */
export function parseQuantities(hash: Record<string, string>): Quantities {
  return Object.fromEntries(
    Object.entries(hash)
      .filter(([, text]) => /^[1-9]\d{0,14}$/.test(text))
      .map(([sku, text]) => [sku, Number(text)]),
  );
}

/** A Lua script's HGETALL reply (`[field, value, field, value, …]`) → `{ field: value }`. */
export function pairsToHash(reply: unknown): Record<string, string> {
  const items = Array.isArray(reply) ? reply : [];
  const entries: [string, string][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) entries.push([String(items[i]), String(items[i + 1])]);
  return Object.fromEntries(entries);
}
