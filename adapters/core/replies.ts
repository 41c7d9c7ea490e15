/**
 * Pure functions that turn a raw reply into the adapter's normalised shape. Raw replies
 * arrive in RESP2 shapes (node-redis is created with `RESP: 2`; ioredis and ioredis-mock
 * speak RESP2), except that ioredis-style clients already turn HGETALL into an object.
 */
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

export function parseRedisFloat(text: string): number {
  const lowered = text.toLowerCase();
  if (lowered === 'inf' || lowered === '+inf') return Number.POSITIVE_INFINITY;
  if (lowered === '-inf') return Number.NEGATIVE_INFINITY;
  const value = Number(text);
  return Number.isNaN(value) ? unexpected('a float', text) : value;
}

/** Integer replies that mean yes/no (EXPIRE, PERSIST, HEXISTS, SISMEMBER). */
export function toBoolean(raw: unknown): boolean {
  return toNumber(raw) === 1;
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

/** HGETALL: a flat `[field, value, …]` array, or an object already. */
export function toHash(raw: unknown): Record<string, string> {
  if (Array.isArray(raw)) {
    const hash: Record<string, string> = {};
    for (let i = 0; i < raw.length; i += 2) hash[toStringValue(raw[i])] = toStringValue(raw[i + 1]);
    return hash;
  }
  if (raw instanceof Map) return Object.fromEntries([...raw].map(([k, v]) => [String(k), toStringValue(v)]));
  if (raw !== null && typeof raw === 'object') {
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, toStringValue(v)]));
  }
  return unexpected('a hash', raw);
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
  if (typeof raw === 'number' || typeof raw === 'string') return raw;
  if (Buffer.isBuffer(raw)) return raw.toString();
  if (Array.isArray(raw)) return raw.map(toRedisReply);
  if (raw instanceof Error) throw classifyReplyError(raw.message, 'EVALSHA', raw);
  return unexpected('a script reply', raw);
}
