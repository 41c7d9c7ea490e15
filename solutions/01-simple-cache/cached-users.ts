import type { User, UserChanges, UserSource } from '../../katas/01-simple-cache/user-source.js';
import type { Cache } from './cache.js';
import { type CacheLookup, createCacheAside } from './cache-aside.js';
import type { CacheStats } from './cache-stats.js';

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
  return `user:${id}`;
}

export function createCachedUsers(options: CachedUsersOptions): CachedUsers {
  const { cache, source, ttlMs = 300_000 } = options;
  const aside = createCacheAside<User>(options);

  return {
    get: (id) => aside.getOrLoad(userCacheKey(id), () => source.get(id)),

    // Write-through: the source changes first (it is the truth), then the cache gets the new
    // value at once, so the next read is a hit with fresh data instead of a miss.
    async update(id, changes) {
      const updated = await source.update(id, changes);
      if (updated) await aside.put(userCacheKey(id), updated);
      return updated;
    },

    invalidate: (id) => aside.invalidate(userCacheKey(id)),

    // Warming fills the cache before the traffic comes, so the first readers do not pay for
    // the slow source. Loads run in parallel; the writes go in one pipeline.
    async warm(ids) {
      const wanted = ids ?? (await source.ids());
      const users = await Promise.all(wanted.map((id) => source.get(id)));
      const found = users.filter((user): user is User => user !== null);
      await cache.setMany(
        found.map((user) => [userCacheKey(user.id), JSON.stringify(user)] as const),
        { ttlMs },
      );
      return found.length;
    },
  };
}
