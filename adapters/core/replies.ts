/**
 * Pure functions that turn a raw reply into the adapter's normalised shape. Raw replies
 * arrive in RESP2 shapes (node-redis is created with `RESP: 2`; ioredis and ioredis-mock
 * speak RESP2), except that ioredis-style clients already turn HGETALL into an object.
 */
import { IntegerRangeError } from '../errors/integer-range-error.js';
import type { RedisReply, RedisTime, ScanPage, ScoredMember } from '../redis-commands.js';
import { classifyReplyError } from './classify-reply-error.js';

/** An unexpected reply shape: a bug in a driver, never the learner's fault. */
function unexpected(what: string, raw: unknown): never {
  throw new TypeError(`Unexpected reply for ${what}: ${JSON.stringify(raw)}`);
}

export function toNullableString(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  if (Buffer.isBuffer(raw)) return raw.toString();
  if (typeof raw === 'number') return String(raw);
  return unexpected('a string', raw);
}

export function toStringValue(raw: unknown): string {
  return toNullableString(raw) ?? unexpected('a string', raw);
}

/** Integers, and floats sent as strings (`'3.5'`, `'inf'`, `'-inf'`). */
export function toNumber(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) return parseRedisFloat(String(raw));
  return unexpected('a number', raw);
}

export function toNullableNumber(raw: unknown): number | null {
  return raw === null || raw === undefined ? null : toNumber(raw);
}

/**
 * Integer replies (counts, lengths, INCR results, ranks, script integers), by the adapter's
 * integer rule: a `number` within ±2^53, where a double holds every integer exactly;
 * `IntegerRangeError` beyond. Drivers hand them over as numbers, or as bigints beyond 2^53
 * (`wire-replies.ts`; the mock's exact arithmetic).
 */
export function toInteger(raw: unknown): number {
  const text = typeof raw === 'string' || Buffer.isBuffer(raw) ? String(raw) : undefined;
  if (text !== undefined && /^-?\d+$/.test(text)) return toInteger(BigInt(text));
  if (typeof raw === 'bigint') {
    if (raw > twoTo53 || raw < -twoTo53) throw new IntegerRangeError(String(raw));
    return Number(raw);
  }
  const value = typeof raw === 'number' ? raw : Number(toNullableString(raw) ?? Number.NaN);
  if (!Number.isInteger(value)) return unexpected('an integer', raw);
  if (Math.abs(value) > 2 ** 53) throw new IntegerRangeError(`about ${value}`);
  return value;
}

const twoTo53 = 2n ** 53n;

export function toNullableInteger(raw: unknown): number | null {
  return raw === null || raw === undefined ? null : toInteger(raw);
}

export function parseRedisFloat(text: string): number {
  const lowered = text.toLowerCase();
  if (lowered === 'inf' || lowered === '+inf') return Number.POSITIVE_INFINITY;
  if (lowered === '-inf') return Number.NEGATIVE_INFINITY;
  const value = Number(text);
  return Number.isNaN(value) ? unexpected('a float', text) : value;
}

/** Integer replies that mean yes/no (EXPIRE, PERSIST, HEXISTS, SISMEMBER). */
export function toBoolean(raw: unknown): boolean {
  return toInteger(raw) === 1;
}

/** `OK` → true, nil → false (SET with NX/XX). */
export function toOk(raw: unknown): boolean {
  return raw !== null && raw !== undefined;
}

export function toVoid(): void {}

export function toStringArray(raw: unknown): string[] {
  if (!Array.isArray(raw)) return unexpected('an array', raw);
  return raw.map(toStringValue);
}

export function toNullableStringArray(raw: unknown): (string | null)[] {
  if (!Array.isArray(raw)) return unexpected('an array', raw);
  return raw.map(toNullableString);
}

/**
 * HGETALL: a flat `[field, value, …]` array, or an object or Map already. The hash is an
 * object without prototype, so every field name is an own key (`__proto__`, `toString`,
 * `constructor` included) and `hash[field]` is `undefined` for any field Redis does not have.
 */
export function toHash(raw: unknown): Record<string, string> {
  // Pairs, then one loop with no closure: HGETALL is a hot path.
  let pairs: unknown[];
  if (Array.isArray(raw)) pairs = raw;
  else if (raw instanceof Map) pairs = [...raw].flat();
  else if (raw !== null && typeof raw === 'object') pairs = Object.entries(raw).flat();
  else return unexpected('a hash', raw);
  const hash: Record<string, string> = Object.create(null);
  for (let i = 0; i < pairs.length; i += 2) hash[toStringValue(pairs[i])] = toStringValue(pairs[i + 1]);
  return hash;
}

/** WITHSCORES and ZPOPMIN: a flat `[member, score, …]` array. */
export function toScoredMembers(raw: unknown): ScoredMember[] {
  if (!Array.isArray(raw)) return unexpected('scored members', raw);
  const members: ScoredMember[] = [];
  for (let i = 0; i < raw.length; i += 2) members.push({ member: toStringValue(raw[i]), score: toNumber(raw[i + 1]) });
  return members;
}

export function toScanPage(raw: unknown): ScanPage {
  if (!Array.isArray(raw) || raw.length !== 2) return unexpected('SCAN', raw);
  return { cursor: toStringValue(raw[0]), keys: toStringArray(raw[1]) };
}

export function toTime(raw: unknown): RedisTime {
  const [seconds, microseconds] = toStringArray(raw).map(Number);
  if (seconds === undefined || microseconds === undefined) return unexpected('TIME', raw);
  return { seconds, microseconds };
}

/** BLPOP/BRPOP: `[key, element]` or nil. */
export function toKeyedElement(raw: unknown): { key: string; element: string } | null {
  if (raw === null || raw === undefined) return null;
  const [key, element] = toStringArray(raw);
  if (key === undefined || element === undefined) return unexpected('a keyed element', raw);
  return { key, element };
}

/** BZPOPMIN: `[key, member, score]` or nil. */
export function toKeyedScoredMember(raw: unknown): ({ key: string } & ScoredMember) | null {
  if (raw === null || raw === undefined) return null;
  if (!Array.isArray(raw) || raw.length !== 3) return unexpected('a keyed scored member', raw);
  return { key: toStringValue(raw[0]), member: toStringValue(raw[1]), score: toNumber(raw[2]) };
}

/**
 * Script replies: strings, integers, nil and arrays of them, as Redis converts Lua values.
 * An error inside an array (`return {1, {err='x'}, 3}`; clients hand it over as an Error
 * element) rejects like an error reply: a `RedisCommandError` classified by its text.
 */
export function toRedisReply(raw: unknown): RedisReply {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' || typeof raw === 'bigint') return toInteger(raw);
  if (typeof raw === 'string') return raw;
  if (Buffer.isBuffer(raw)) return raw.toString();
  if (Array.isArray(raw)) return raw.map(toRedisReply);
  if (raw instanceof Error) throw classifyReplyError(raw.message, 'EVALSHA', raw);
  return unexpected('a script reply', raw);
}
