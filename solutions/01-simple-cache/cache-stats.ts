import type { RedisAdapter } from '../../adapters/redis-adapter.js';

export interface CacheStatsOptions {
  redis: RedisAdapter;
  /** The Redis key of the counters, e.g. `app:stats`. Keep it outside the cache's namespace, so clearing the cache keeps the stats. */
  key: string;
}

export interface StatsSnapshot {
  hits: number;
  misses: number;
  /** hits / (hits + misses), from 0 to 1; 0 before the first lookup. */
  hitRate: number;
}

/** Hit and miss counters kept in Redis, so every server instance adds to the same numbers. */
export interface CacheStats {
  recordHit(): Promise<void>;
  recordMiss(): Promise<void>;
  read(): Promise<StatsSnapshot>;
  /** Sets both counters back to 0. */
  reset(): Promise<void>;
}

/** hits / (hits + misses); 0 when there were no lookups. */
export function hitRate(hits: number, misses: number): number {
  const total = hits + misses;
  return total === 0 ? 0 : hits / total;
}

export function createCacheStats({ redis, key }: CacheStatsOptions): CacheStats {
  // HINCRBY is atomic in Redis: two instances counting at once never lose an increment,
  // which a read-add-write in the app could.
  const increment = async (field: 'hits' | 'misses') => {
    await redis.hIncrBy(key, field, 1);
  };

  return {
    recordHit: () => increment('hits'),
    recordMiss: () => increment('misses'),

    read: async () => {
      const counters = await redis.hGetAll(key);
      const hits = Number(counters.hits ?? 0);
      const misses = Number(counters.misses ?? 0);
      return { hits, misses, hitRate: hitRate(hits, misses) };
    },

    reset: async () => {
      await redis.del(key);
    },
  };
}
