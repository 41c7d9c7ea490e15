import { NotImplementedError } from '../not-implemented-error.js';
import type { Cache } from './cache.js';
import type { CacheLookup } from './cache-aside.js';
import type { CacheStats } from './cache-stats.js';
import type { User, UserChanges, UserSource } from './user-source.js';

export interface CachedUsersOptions {
  cache: Cache;
  /** The slow source of truth. */
  source: UserSource;
  /** TTL of a cached user. Default 300 000 ms. */
  ttlMs?: number;
  /** TTL of a cached "no such user". Default 5 000 ms. */
  missingTtlMs?: number;
  /** Counts hits and misses of `get` (step 4). Optional. */
  stats?: CacheStats;
}

/** Users read through the cache; changes go to the source first, then to the cache. */
export interface CachedUsers {
  /** The user, from the cache when it has them, else from the source (then cached). `value` is `null` for an unknown id. */
  get(id: string): Promise<CacheLookup<User>>;
  /** Updates the source, then writes the new user to the cache (write-through). `null` for an unknown id. */
  update(id: string, changes: UserChanges): Promise<User | null>;
  /** Forgets the cached user, so the next `get` reads the source. `true` when something was cached. */
  invalidate(id: string): Promise<boolean>;
  /** Loads `ids` (default: every id of the source) and caches them all in one round trip. Returns how many were cached. */
  warm(ids?: string[]): Promise<number>;
}

/** The cache key of a user, inside the cache's namespace: `user:<id>`. */
export function userCacheKey(id: string): string {
  throw new NotImplementedError('01-simple-cache', 3, `userCacheKey("${id}")`);
}

/** Step 3 (`warm`: step 6). Read README.md, "Step 3". */
export function createCachedUsers(options: CachedUsersOptions): CachedUsers {
  void options;
  return {
    async get(id) {
      throw new NotImplementedError('01-simple-cache', 3, `users.get("${id}")`);
    },
    async update(id) {
      throw new NotImplementedError('01-simple-cache', 3, `users.update("${id}", …)`);
    },
    async invalidate(id) {
      throw new NotImplementedError('01-simple-cache', 3, `users.invalidate("${id}")`);
    },
    async warm() {
      throw new NotImplementedError('01-simple-cache', 6, 'users.warm(…)');
    },
  };
}
