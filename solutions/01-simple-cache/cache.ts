import type { RedisAdapter } from '../../adapters/redis-adapter.js';

export interface CacheOptions {
  redis: RedisAdapter;
  /** Prefix of every key this cache writes, e.g. `app:cache:`. Keys outside it are never touched. */
  namespace: string;
  /** TTL of entries set without one. Default 300 s: a cache entry always expires. */
  defaultTtlSeconds?: number;
}

export interface CacheTtlOptions {
  /** Expire after this many seconds (SET … EX). */
  ttlSeconds?: number;
  /** Expire after this many milliseconds (SET … PX). Give `ttlSeconds` or `ttlMs`, not both. */
  ttlMs?: number;
}

export interface CacheSetOptions extends CacheTtlOptions {
  /** Write only when the key does not exist yet (SET … NX). */
  onlyIfAbsent?: boolean;
}

/** A cached value with its remaining lifetime. */
export interface CacheEntry {
  key: string;
  value: string;
  /** Whole seconds left; `null` when the entry never expires (after `persist`). */
  ttlSeconds: number | null;
}

/** String values under a namespace, each with a TTL. Keys are given without the namespace. */
export interface Cache {
  readonly namespace: string;
  /** The Redis key of `key`: the namespace, then the key. */
  keyFor(key: string): string;
  /** The value, or `null` when it was never set, was deleted, or expired. */
  get(key: string): Promise<string | null>;
  /** Stores `value` with a TTL. `false` when `onlyIfAbsent` found the key already there. */
  set(key: string, value: string, options?: CacheSetOptions): Promise<boolean>;
  /** The value and its TTL, read together; `null` when missing. */
  entry(key: string): Promise<CacheEntry | null>;
  /** `true` when the key existed. */
  delete(key: string): Promise<boolean>;
  /** Gives an existing key a new TTL in seconds; `false` when the key is missing. */
  expire(key: string, seconds: number): Promise<boolean>;
  /** Removes the TTL: the entry stays until deleted. `false` when it had none or is missing. */
  persist(key: string): Promise<boolean>;
  /** Stores many values, each with the TTL of `options`, in one round trip (step 6, warming). */
  setMany(entries: ReadonlyArray<readonly [key: string, value: string]>, options?: CacheTtlOptions): Promise<void>;
}

export function createCache({ redis, namespace, defaultTtlSeconds = 300 }: CacheOptions): Cache {
  const keyFor = (key: string) => `${namespace}${key}`;

  const ttlOf = (options: CacheTtlOptions): { ex: number } | { px: number } => {
    if (options.ttlSeconds !== undefined && options.ttlMs !== undefined) {
      throw new RangeError('Give ttlSeconds or ttlMs, not both.');
    }
    return options.ttlMs !== undefined ? { px: options.ttlMs } : { ex: options.ttlSeconds ?? defaultTtlSeconds };
  };

  return {
    namespace,
    keyFor,

    get: (key) => redis.get(keyFor(key)),

    // One SET carries the value, the TTL and the NX condition. SET then EXPIRE would be two
    // round trips, and a crash in between would leave a key that never expires.
    set: async (key, value, options = {}) =>
      redis.set(keyFor(key), value, { ...ttlOf(options), nx: options.onlyIfAbsent }),

    // GET and TTL in one MULTI: one round trip, and the key cannot expire between the two.
    entry: async (key) => {
      const [value, ttl] = await redis.multi().get(keyFor(key)).ttl(keyFor(key)).exec();
      if (value === null) return null;
      return { key, value, ttlSeconds: ttl >= 0 ? ttl : null };
    },

    delete: async (key) => (await redis.del(keyFor(key))) === 1,

    expire: (key, seconds) => redis.expire(keyFor(key), seconds),

    persist: (key) => redis.persist(keyFor(key)),

    // A pipeline sends every SET in one round trip instead of one round trip per key.
    setMany: async (entries, options = {}) => {
      if (entries.length === 0) return;
      const ttl = ttlOf(options);
      const pipeline = redis.pipeline();
      for (const [key, value] of entries) pipeline.set(keyFor(key), value, ttl);
      await pipeline.exec();
    },
  };
}
