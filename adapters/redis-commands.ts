/**
 * The Redis commands every adapter offers, with normalised replies.
 *
 * Conventions, the same for every backend:
 * - Method names are Redis command names in camelCase (`hGetAll` is HGETALL).
 * - Options are objects, never positional tokens: `set(key, value, { px: 500, nx: true })`.
 * - Replies are plain JS: integers and scores are `number`, a missing value is `null`,
 *   a hash is `Record<string, string>`, a scored member is `{ member, score }`.
 * - Integer replies (script integers included) are exact within ±2^53, where a double
 *   holds every integer. Beyond, the command still runs (Redis keeps the exact 64-bit
 *   value) and its reply rejects with `IntegerRangeError`: read such a value as a string
 *   with `get`/`hGet`. Scores and
 *   INCRBYFLOAT results are doubles, as Redis sends them.
 * - Every method returns a Promise and rejects with a `RedisError` subclass. Error replies
 *   that mean "not now" (OOM, BUSY, LOADING, MASTERDOWN, READONLY) reject with
 *   `RedisUnavailableError`, like a lost connection, with a `reason` saying which.
 *
 * The same methods are available on a MULTI transaction and a pipeline (`Batch`).
 */
export interface RedisCommands {
  // ── Strings ──────────────────────────────────────────────────────────────

  /** GET: the value at `key`, or `null` when the key does not exist. */
  get(key: string): Promise<string | null>;

  /**
   * SET: stores `value` at `key`. Returns `true` when written, `false` when an `nx`/`xx`
   * condition stopped it. At most one of `ex`, `px`, `keepTtl`.
   */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;

  /** MGET: the values of `keys`, in order, `null` for each missing one. */
  mGet(keys: string[]): Promise<(string | null)[]>;

  /** INCR: adds 1 to the integer at `key` (missing counts as 0), returns the new value. */
  incr(key: string): Promise<number>;

  /** INCRBY: adds an integer `increment` (may be negative), returns the new value. */
  incrBy(key: string, increment: number): Promise<number>;

  /** INCRBYFLOAT: adds a float `increment`, returns the new value. */
  incrByFloat(key: string, increment: number): Promise<number>;

  // ── Keys and expiry ──────────────────────────────────────────────────────

  /** DEL: deletes `keys`, returns how many existed. */
  del(...keys: string[]): Promise<number>;

  /** UNLINK: like DEL, but frees memory in the background. Returns how many existed. */
  unlink(...keys: string[]): Promise<number>;

  /** EXISTS: how many of `keys` exist (a key named twice counts twice). */
  exists(...keys: string[]): Promise<number>;

  /** EXPIRE: sets a TTL in seconds. `true` when set, `false` when the key is missing or the condition failed. */
  expire(key: string, seconds: number, condition?: ExpireCondition): Promise<boolean>;

  /** PEXPIRE: sets a TTL in milliseconds. `true` when set. */
  pExpire(key: string, milliseconds: number, condition?: ExpireCondition): Promise<boolean>;

  /** TTL: seconds left; `-1` when the key has no expiry, `-2` when it does not exist. */
  ttl(key: string): Promise<number>;

  /** PTTL: milliseconds left; `-1` when the key has no expiry, `-2` when it does not exist. */
  pTtl(key: string): Promise<number>;

  /** PERSIST: removes the TTL. `true` when there was one. */
  persist(key: string): Promise<boolean>;

  /** TYPE: `string`, `hash`, `list`, `set`, `zset`, `stream`, or `none` for a missing key. */
  type(key: string): Promise<string>;

  /**
   * SCAN: one step of an incremental walk over the keyspace. Start with cursor `'0'`;
   * the walk is complete when the returned cursor is `'0'` again. A step may return no
   * keys, and a key may appear twice. Never use KEYS in production: it blocks Redis.
   */
  scan(cursor: string, options?: ScanOptions): Promise<ScanPage>;

  // ── Hashes ───────────────────────────────────────────────────────────────

  /** HSET: sets `fields` of the hash at `key`, returns how many fields were new. */
  hSet(key: string, fields: Record<string, string>): Promise<number>;

  /** HGET: one field, or `null` when the field or the key is missing. */
  hGet(key: string, field: string): Promise<string | null>;

  /** HMGET: several fields, in order, `null` for each missing one. */
  hMGet(key: string, fields: string[]): Promise<(string | null)[]>;

  /**
   * HGETALL: every field; `{}` when the key does not exist. The record has no prototype:
   * every field name is an own key (`__proto__` and `constructor` too), and `hash[name]`
   * is `undefined` for any field Redis does not have.
   */
  hGetAll(key: string): Promise<Record<string, string>>;

  /** HDEL: removes `fields`, returns how many existed. */
  hDel(key: string, ...fields: string[]): Promise<number>;

  /** HINCRBY: adds an integer to a field (missing counts as 0), returns the new value. */
  hIncrBy(key: string, field: string, increment: number): Promise<number>;

  /** HLEN: number of fields; 0 for a missing key. */
  hLen(key: string): Promise<number>;

  /** HEXISTS: whether the field exists. */
  hExists(key: string, field: string): Promise<boolean>;

  // ── Lists ────────────────────────────────────────────────────────────────

  /** LPUSH: inserts `values` at the head, one after the other; returns the new length. */
  lPush(key: string, ...values: string[]): Promise<number>;

  /** RPUSH: appends `values` at the tail; returns the new length. */
  rPush(key: string, ...values: string[]): Promise<number>;

  /** LPOP: removes and returns the head, or `null` when the list is empty. */
  lPop(key: string): Promise<string | null>;

  /** RPOP: removes and returns the tail, or `null` when the list is empty. */
  rPop(key: string): Promise<string | null>;

  /** LRANGE: elements `start`…`stop`, both inclusive; negative indexes count from the tail. */
  lRange(key: string, start: number, stop: number): Promise<string[]>;

  /** LLEN: the length; 0 for a missing key. */
  lLen(key: string): Promise<number>;

  /** LREM: removes `count` occurrences of `value` (0: all; negative: from the tail). Returns how many. */
  lRem(key: string, count: number, value: string): Promise<number>;

  /** LTRIM: keeps only elements `start`…`stop`. */
  lTrim(key: string, start: number, stop: number): Promise<void>;

  /** LMOVE: atomically pops from one end of `source` and pushes to one end of `destination`. */
  lMove(source: string, destination: string, from: ListEnd, to: ListEnd): Promise<string | null>;

  // ── Sets ─────────────────────────────────────────────────────────────────

  /** SADD: adds `members`, returns how many were new. */
  sAdd(key: string, ...members: string[]): Promise<number>;

  /** SREM: removes `members`, returns how many were there. */
  sRem(key: string, ...members: string[]): Promise<number>;

  /** SMEMBERS: every member, in no particular order. */
  sMembers(key: string): Promise<string[]>;

  /** SISMEMBER: whether `member` is in the set. */
  sIsMember(key: string, member: string): Promise<boolean>;

  /** SCARD: the number of members. */
  sCard(key: string): Promise<number>;

  // ── Sorted sets ──────────────────────────────────────────────────────────

  /**
   * ZADD: adds or updates scored members. Returns how many were added (with `ch`: added or
   * changed). `nx`/`xx` and `gt`/`lt` restrict which members are written.
   */
  zAdd(key: string, members: ScoredMember[], options?: ZAddOptions): Promise<number>;

  /** ZINCRBY: adds `increment` to a member's score (missing counts as 0), returns the new score. */
  zIncrBy(key: string, increment: number, member: string): Promise<number>;

  /** ZSCORE: a member's score, or `null` when it is not in the set. */
  zScore(key: string, member: string): Promise<number | null>;

  /** ZRANK: 0-based rank by ascending score, or `null` when absent. */
  zRank(key: string, member: string): Promise<number | null>;

  /** ZREVRANK: 0-based rank by descending score, or `null` when absent. */
  zRevRank(key: string, member: string): Promise<number | null>;

  /**
   * ZRANGE: members by index (default), by score, or reversed. With `by: 'score'`,
   * `start`/`stop` are score bounds: numbers, `'-inf'`, `'+inf'`, or `'(5'` for exclusive.
   */
  zRange(key: string, start: number | string, stop: number | string, options?: ZRangeOptions): Promise<string[]>;

  /** ZRANGE … WITHSCORES: like `zRange`, with scores. */
  zRangeWithScores(
    key: string,
    start: number | string,
    stop: number | string,
    options?: ZRangeOptions,
  ): Promise<ScoredMember[]>;

  /** ZCARD: the number of members. */
  zCard(key: string): Promise<number>;

  /** ZCOUNT: members with `min` ≤ score ≤ `max` (bounds as in `zRange` by score). */
  zCount(key: string, min: number | string, max: number | string): Promise<number>;

  /** ZREM: removes `members`, returns how many were there. */
  zRem(key: string, ...members: string[]): Promise<number>;

  /** ZREMRANGEBYSCORE: removes members with `min` ≤ score ≤ `max`, returns how many. */
  zRemRangeByScore(key: string, min: number | string, max: number | string): Promise<number>;

  /** ZPOPMIN: removes and returns up to `count` (default 1) lowest-scored members. */
  zPopMin(key: string, count?: number): Promise<ScoredMember[]>;

  /** ZUNIONSTORE: stores the union of `keys` at `destination`, returns its size. */
  zUnionStore(destination: string, keys: string[], options?: ZUnionStoreOptions): Promise<number>;

  // ── Pub/sub, scripts, server ─────────────────────────────────────────────

  /** PUBLISH: sends `message` to `channel`; returns how many subscribers received it. */
  publish(channel: string, message: string): Promise<number>;

  /** EVALSHA by hand. Prefer `defineScript`, which loads and reloads for you. */
  evalSha(sha: string, keys: string[], args: string[]): Promise<RedisReply>;

  /** TIME: the server's clock. One clock for every app instance. */
  time(): Promise<RedisTime>;

  /** PING: `'PONG'` when the server answers. */
  ping(): Promise<string>;
}

/** Blocking pops: they wait on a connection of their own (`adapter.blocking()`). */
export interface BlockingCommands {
  /**
   * BLMOVE: like `lMove`, but waits up to `timeoutSeconds` (0: forever) for an element.
   * `null` on timeout. The reliable-queue move: the element is never only in flight.
   */
  blMove(
    source: string,
    destination: string,
    from: ListEnd,
    to: ListEnd,
    timeoutSeconds: number,
  ): Promise<string | null>;

  /** BLPOP: pops the head of the first non-empty list in `keys`, waiting up to `timeoutSeconds`. */
  blPop(keys: string[], timeoutSeconds: number): Promise<{ key: string; element: string } | null>;

  /** BRPOP: pops the tail of the first non-empty list in `keys`, waiting up to `timeoutSeconds`. */
  brPop(keys: string[], timeoutSeconds: number): Promise<{ key: string; element: string } | null>;

  /** BZPOPMIN: pops the lowest-scored member of the first non-empty sorted set, waiting up to `timeoutSeconds`. */
  bzPopMin(keys: string[], timeoutSeconds: number): Promise<({ key: string } & ScoredMember) | null>;
}

/**
 * SET options: at most one lifetime (`ex` seconds, `px` milliseconds, or `keepTtl`) and at
 * most one condition (`nx` or `xx`). `{ ex: 1, px: 1000 }` or `{ nx: true, xx: true }` do
 * not compile: Redis would refuse them.
 */
export type SetOptions = SetLifetime & SetCondition;

type SetLifetime =
  | { ex?: number; px?: never; keepTtl?: never }
  | { ex?: never; px?: number; keepTtl?: never }
  | { ex?: never; px?: never; keepTtl?: boolean };

type SetCondition =
  | {
      /** Only set when the key does not exist yet. */
      nx?: boolean;
      xx?: never;
    }
  | {
      nx?: never;
      /** Only set when the key already exists. */
      xx?: boolean;
    };

/** EXPIRE conditions (Redis 7): `nx` no TTL yet, `xx` has a TTL, `gt`/`lt` compared with the current TTL. */
export type ExpireCondition = 'nx' | 'xx' | 'gt' | 'lt';

export interface ScanOptions {
  /** A glob-style pattern: `cache:*`, `user:?`, `[ab]*`. */
  match?: string;
  /** A hint of how much work one step does; not an exact page size. */
  count?: number;
  /** Only keys of this type (`string`, `hash`, …). */
  type?: string;
}

export interface ScanPage {
  /** Pass this to the next `scan` call; `'0'` means the walk is complete. */
  cursor: string;
  keys: string[];
}

export type ListEnd = 'left' | 'right';

export interface ScoredMember {
  member: string;
  score: number;
}

/**
 * ZADD options. `nx` (only add) excludes `xx`, `gt` and `lt`; `gt` and `lt` exclude each
 * other; `ch` goes with any of them. `{ nx: true, xx: true }` does not compile.
 */
export type ZAddOptions = ZAddCondition & {
  /** Count changed members too, not only added ones. */
  ch?: boolean;
};

type ZAddCondition =
  | {
      /** Only add new members, never update. */
      nx?: boolean;
      xx?: never;
      gt?: never;
      lt?: never;
    }
  | {
      nx?: never;
      /** Only update existing members, never add. */
      xx?: boolean;
      /** Only update when the new score is greater. */
      gt?: boolean;
      lt?: never;
    }
  | {
      nx?: never;
      xx?: boolean;
      gt?: never;
      /** Only update when the new score is less. */
      lt?: boolean;
    };

export interface ZRangeOptions {
  by?: 'score';
  /** Highest first. With `by: 'score'`, give `start` as the upper bound. */
  rev?: boolean;
  /** Skip `offset` then return at most `count` (needs `by: 'score'`). */
  limit?: { offset: number; count: number };
}

export interface ZUnionStoreOptions {
  weights?: number[];
  aggregate?: 'sum' | 'min' | 'max';
}

export interface RedisTime {
  seconds: number;
  microseconds: number;
}

/** A reply as a script returns it: Redis converts Lua values to these. */
export type RedisReply = string | number | null | RedisReply[];
