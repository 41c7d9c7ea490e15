import { randomBytes } from 'node:crypto';
import { RedisCommandError, RedisUnavailableError } from '../../adapters/errors/index.js';
import { type CartOptions, DEFAULT_CART_TTL_S } from '../../katas/05-shopping-cart/cart.js';
import { SameCartError } from '../../katas/05-shopping-cart/cart-errors.js';
import { cartKey, mergeClaimKey } from '../../katas/05-shopping-cart/keys.js';
import type { CartMerge } from '../../katas/05-shopping-cart/merge.js';
import { pairsToHash, parseQuantities } from '../../katas/05-shopping-cart/quantities.js';

/**
 * KEYS[1] the cart merged from · KEYS[2] its claim key (same slot). Renames the cart to the
 * claim key, TTL and all, and returns its fields; false (nil) when there is nothing to merge.
 * Atomic: of two merges of one cart, one claims it and the other finds nothing.
 */
const CLAIM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('RENAME', KEYS[1], KEYS[2])
return redis.call('HGETALL', KEYS[2])
`;

/**
 * KEYS[1] the cart merged into · ARGV[1] TTL in s · ARGV[2..] SKU, quantity, SKU, quantity…
 * Adds the lines, starts the cart's lifetime again and returns its fields. Every sum is
 * worked out before the first write: Redis does not roll a script back, so a script that
 * fails half-way must fail before it has written anything.
 */
const ADD_LINES = `
local merged = {}
for i = 2, #ARGV, 2 do
  local have = tonumber(redis.call('HGET', KEYS[1], ARGV[i])) or 0
  merged[#merged + 1] = ARGV[i]
  merged[#merged + 1] = tostring(have + tonumber(ARGV[i + 1]))
end
if #merged > 0 then redis.call('HSET', KEYS[1], unpack(merged)) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return redis.call('HGETALL', KEYS[1])
`;

/**
 * KEYS[1] the claim key · KEYS[2] the cart it came from (same slot). Puts the claimed lines
 * back, summed with what the cart got meanwhile, and drops the claim; the cart keeps the
 * longer of the two lifetimes. Sums first, writes after, as in ADD_LINES.
 */
const PUT_BACK = `
local lines, back = redis.call('HGETALL', KEYS[1]), {}
for i = 1, #lines, 2 do
  local add = tonumber(lines[i + 1])
  if add then
    back[#back + 1] = lines[i]
    back[#back + 1] = tostring((tonumber(redis.call('HGET', KEYS[2], lines[i])) or 0) + add)
  end
end
local ttl, now = redis.call('TTL', KEYS[1]), redis.call('TTL', KEYS[2])
if #back > 0 then redis.call('HSET', KEYS[2], unpack(back)) end
if ttl > 0 and now ~= -1 and ttl > now then redis.call('EXPIRE', KEYS[2], ttl) end
redis.call('DEL', KEYS[1])
return 0
`;

/** An error that proves the script did not run: Redis refused it (an error reply), or refused to serve. */
const surelyNotRun = (error: unknown) =>
  error instanceof RedisCommandError ||
  (error instanceof RedisUnavailableError && error.reason !== 'timeout' && error.reason !== 'connection');

/**
 * The two carts have different hash tags, so on Redis Cluster no script or MULTI can hold
 * both. The merge is three atomic steps, each in one slot: claim the guest cart (rename it
 * out of sight), add its lines to the user's cart, drop the claim. Adds racing the merge
 * start a new guest cart; a second merge finds nothing to claim. If the add surely did not
 * run, the lines go back to the guest cart; if its fate is unknown (a timeout), they stay
 * in the claim until the guest cart's TTL ends, never counted twice.
 */
export function createCartMerge({ redis, namespace, ttlSeconds = DEFAULT_CART_TTL_S }: CartOptions): CartMerge {
  const claim = redis.defineScript(CLAIM);
  const addLines = redis.defineScript(ADD_LINES);
  const putBack = redis.defineScript(PUT_BACK);
  return {
    async merge(fromId, intoId) {
      if (fromId === intoId) throw new SameCartError(fromId);
      const from = cartKey(namespace, fromId);
      const claimKey = mergeClaimKey(namespace, fromId, randomBytes(8).toString('hex'));
      const claimed = await claim.run([from, claimKey], []);
      if (claimed === null) return null;
      // A line that is not a whole quantity (not written by this kata) is dropped, never added as 0.
      const lines = Object.entries(parseQuantities(pairsToHash(claimed))).flat();
      let merged: Record<string, string>;
      try {
        merged = pairsToHash(await addLines.run([cartKey(namespace, intoId)], [ttlSeconds, ...lines]));
      } catch (error) {
        if (surelyNotRun(error)) await putBack.run([claimKey, from], []).catch(() => undefined);
        throw error;
      }
      await redis.del(claimKey);
      return parseQuantities(merged);
    },
  };
}
