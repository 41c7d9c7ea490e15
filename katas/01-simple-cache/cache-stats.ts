import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { NotImplementedError } from '../not-implemented-error.js';

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
  throw new NotImplementedError('01-simple-cache', 4, `hitRate(${hits}, ${misses})`);
}

/** Step 4. Read README.md, "Step 4". */
export function createCacheStats({ redis, key }: CacheStatsOptions): CacheStats {
  void redis;
  return {
    async recordHit() {
      throw new NotImplementedError('01-simple-cache', 4, `stats.recordHit() on "${key}"`);
    },
    async recordMiss() {
      throw new NotImplementedError('01-simple-cache', 4, `stats.recordMiss() on "${key}"`);
    },
    async read() {
      throw new NotImplementedError('01-simple-cache', 4, `stats.read() of "${key}"`);
    },
    async reset() {
      throw new NotImplementedError('01-simple-cache', 4, `stats.reset() of "${key}"`);
    },
  };
}
