import { NotImplementedError } from '../not-implemented-error.js';
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

/** Step 2 (`put` and `invalidate`: step 3). Read README.md, "Step 2". */
export function createCacheAside<T>(options: CacheAsideOptions): CacheAside<T> {
  void options;
  return {
    async getOrLoad(key) {
      throw new NotImplementedError('01-simple-cache', 2, `getOrLoad("${key}", …)`);
    },
    async put(key) {
      throw new NotImplementedError('01-simple-cache', 3, `put("${key}", …)`);
    },
    async invalidate(key) {
      throw new NotImplementedError('01-simple-cache', 3, `invalidate("${key}")`);
    },
  };
}
