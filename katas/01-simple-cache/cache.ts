import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { NotImplementedError } from '../not-implemented-error.js';

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

/** Step 1 (and `setMany`: step 6). Read README.md, "Step 1", then replace each `throw` with the real thing. */
export function createCache({ redis, namespace, defaultTtlSeconds = 300 }: CacheOptions): Cache {
  void redis;
  void defaultTtlSeconds;
  return {
    namespace,
    keyFor(key) {
      throw new NotImplementedError('01-simple-cache', 1, `cache.keyFor("${key}")`);
    },
    async get(key) {
      throw new NotImplementedError('01-simple-cache', 1, `cache.get("${key}")`);
    },
    async set(key) {
      throw new NotImplementedError('01-simple-cache', 1, `cache.set("${key}", …)`);
    },
    async entry(key) {
      throw new NotImplementedError('01-simple-cache', 1, `cache.entry("${key}")`);
    },
    async delete(key) {
      throw new NotImplementedError('01-simple-cache', 1, `cache.delete("${key}")`);
    },
    async expire(key) {
      throw new NotImplementedError('01-simple-cache', 1, `cache.expire("${key}", …)`);
    },
    async persist(key) {
      throw new NotImplementedError('01-simple-cache', 1, `cache.persist("${key}")`);
    },
    async setMany() {
      throw new NotImplementedError('01-simple-cache', 6, 'cache.setMany(…)');
    },
  };
}
