import { type CartOptions, DEFAULT_CART_TTL_S } from '../../katas/05-shopping-cart/cart.js';
import { SameCartError } from '../../katas/05-shopping-cart/cart-errors.js';
import { cartKey } from '../../katas/05-shopping-cart/keys.js';
import type { CartMerge } from '../../katas/05-shopping-cart/merge.js';
import { pairsToHash, parseQuantities } from '../../katas/05-shopping-cart/quantities.js';

/**
 * KEYS[1] the cart merged from · KEYS[2] the cart merged into · ARGV[1] TTL in s.
 * Returns the merged cart's fields, or false (nil) when there is nothing to merge.
 *
 * Every sum is worked out before the first write: Redis does not roll a script back, so
 * a script that fails half-way must fail before it has written anything. A line that is
 * not a whole quantity (not written by this kata) is dropped, never added as 0.
 */
const MERGE = `
local lines = redis.call('HGETALL', KEYS[1])
if #lines == 0 then return false end
local merged = {}
for i = 1, #lines, 2 do
  local add = tonumber(lines[i + 1])
  if add and add >= 1 then
    local have = tonumber(redis.call('HGET', KEYS[2], lines[i])) or 0
    merged[#merged + 1] = lines[i]
    merged[#merged + 1] = tostring(have + add)
  end
end
if #merged > 0 then redis.call('HSET', KEYS[2], unpack(merged)) end
redis.call('DEL', KEYS[1])
redis.call('EXPIRE', KEYS[2], ARGV[1])
return redis.call('HGETALL', KEYS[2])
`;

/** Merging as one script: both carts change together or not at all. */
export function createCartMerge({ redis, namespace, ttlSeconds = DEFAULT_CART_TTL_S }: CartOptions): CartMerge {
  const script = redis.defineScript(MERGE);
  return {
    async merge(fromId, intoId) {
      if (fromId === intoId) throw new SameCartError(fromId);
      const reply = await script.run([cartKey(namespace, fromId), cartKey(namespace, intoId)], [ttlSeconds]);
      return reply === null ? null : parseQuantities(pairsToHash(reply));
    },
  };
}
