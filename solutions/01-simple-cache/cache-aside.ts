import type { Cache } from './cache.js';
import type { CacheStats } from './cache-stats.js';

export interface CacheAsideOptions {
  cache: Cache;
  /** TTL of a loaded value. Default 300 000 ms (5 minutes). */
  ttlMs?: number;
  /** TTL of a "does not exist" entry (negative cache). Default 5 000 ms: short, so a new record shows up soon. */
  missingTtlMs?: number;
  /** Counts hits and misses (step 4). Optional. */
  stats?: CacheStats;
}

/** What the slow source answers for a key: the value, or `null` when it does not exist. */
export type Loader<T> = () => Promise<T | null>;

export interface CacheLookup<T> {
  /** The value; `null` when the source says it does not exist. */
  value: T | null;
  /** `true` when the cache answered (a cached "does not exist" is a hit too). */
  hit: boolean;
}

/** Cache-aside: read the cache, on a miss load from the source and store what it said. Values are stored as JSON. */
export interface CacheAside<T> {
  /** The cached value of `key`, or `load()`'s answer, stored for next time. Concurrent misses of one key call `load` once. */
  getOrLoad(key: string, load: Loader<T>): Promise<CacheLookup<T>>;
  /** Write-through: stores a value the caller just wrote to the source. */
  put(key: string, value: T): Promise<void>;
  /** Invalidation: forgets `key`, so the next read loads it again. `true` when there was an entry. */
  invalidate(key: string): Promise<boolean>;
}

export function createCacheAside<T>(options: CacheAsideOptions): CacheAside<T> {
  const { cache, stats, ttlMs = 300_000, missingTtlMs = 5_000 } = options;
  // Single-flight: the lookups in progress in this process, by key. Without it, a burst of
  // requests for a key that just expired all miss together and all hit the slow source
  // (a "cache stampede"). With it, the first one loads and the others wait for its answer.
  const inFlight = new Map<string, Promise<CacheLookup<T>>>();

  // The value is stored as JSON; a key that does not exist is stored as the JSON `null`
  // with a short TTL (negative caching), so unknown ids do not reach the source every time.
  async function lookup(key: string, load: Loader<T>): Promise<CacheLookup<T>> {
    const cached = await cache.get(key);
    if (cached !== null) return { value: JSON.parse(cached) as T | null, hit: true };
    const value = await load();
    await cache.set(key, JSON.stringify(value), { ttlMs: value === null ? missingTtlMs : ttlMs });
    return { value, hit: false };
  }

  return {
    async getOrLoad(key, load) {
      let flight = inFlight.get(key);
      if (!flight) {
        flight = lookup(key, load).finally(() => inFlight.delete(key));
        inFlight.set(key, flight);
      }
      const result = await flight;
      await (result.hit ? stats?.recordHit() : stats?.recordMiss());
      return result;
    },

    async put(key, value) {
      await cache.set(key, JSON.stringify(value), { ttlMs });
    },

    invalidate: (key) => cache.delete(key),
  };
}
