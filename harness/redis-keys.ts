import type { RedisAdapter } from '../adapters/redis-adapter.js';
import { escapeGlob } from './delete-keys-with-prefix.js';

/** Every key starting with `prefix`, sorted, by SCAN (never KEYS): what a spec wrote. */
export async function keysUnder(redis: RedisAdapter, prefix: string): Promise<string[]> {
  const keys = new Set<string>();
  let cursor = '0';
  do {
    const page = await redis.scan(cursor, { match: `${escapeGlob(prefix)}*`, count: 250 });
    cursor = page.cursor;
    for (const key of page.keys) keys.add(key);
  } while (cursor !== '0');
  return [...keys].sort();
}

/** Redis' clock in milliseconds (TIME): the one clock every app instance shares. */
export async function redisNowMs(redis: RedisAdapter): Promise<number> {
  const { seconds, microseconds } = await redis.time();
  return seconds * 1000 + Math.floor(microseconds / 1000);
}

/**
 * How many of `keys` exist, one EXISTS per key: on Redis Cluster, one EXISTS of keys in
 * different hash slots is refused (CROSSSLOT).
 */
export async function countExisting(redis: RedisAdapter, keys: readonly string[]): Promise<number> {
  const found = await Promise.all(keys.map((key) => redis.exists(key)));
  return found.reduce((sum, count) => sum + count, 0);
}
