/**
 * Replies decoded as typed wire data, turned into the shapes every driver hands on. Both
 * real clients are set up to deliver integer replies as their digits (a JS string) and
 * string replies as Buffers, so the two stay apart (a script's `return 5` is not
 * `return "5"`) and an integer is never rounded by the client's decoder: node-redis'
 * computes `n * 10 + byte - 48`, which rounds within 48 of 2^53, and both round beyond.
 */

/** Integers as numbers when a double holds them (|n| ≤ 2^53), as bigints beyond; strings as strings. */
export function fromWire(reply: unknown): unknown {
  if (Buffer.isBuffer(reply)) return reply.toString();
  if (typeof reply === 'string') return integerFromDigits(reply);
  if (Array.isArray(reply)) return reply.map(fromWire);
  return reply;
}

const decoders = new Map<(value: unknown) => unknown, (reply: unknown) => unknown>();

/**
 * `fromWire`, then `parse` when given: one function, made once per `parse` (a command
 * table's parse functions are few), so that a driver decodes a reply in one step.
 */
export function wireDecoder(parse?: (value: unknown) => unknown): (reply: unknown) => unknown {
  if (parse === undefined) return fromWire;
  let decoder = decoders.get(parse);
  if (decoder === undefined) {
    decoder = (reply) => parse(fromWire(reply));
    decoders.set(parse, decoder);
  }
  return decoder;
}

const twoTo53 = 2n ** 53n;

function integerFromDigits(digits: string): number | bigint {
  // Up to 15 digits a double is exact: the common case needs no BigInt.
  if (digits.length <= 15 || (digits.length === 16 && digits.startsWith('-'))) return Number(digits);
  const value = BigInt(digits);
  return value <= twoTo53 && value >= -twoTo53 ? Number(value) : value;
}
