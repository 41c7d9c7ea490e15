import { keySlot } from '../adapters/cluster/key-slot.js';
import type { RedisAdapter } from '../adapters/redis-adapter.js';

/**
 * Deletes every key starting with `prefix`, by SCAN and UNLINK: never KEYS, never FLUSH.
 * One UNLINK per hash slot, all in one pipeline: on Redis Cluster a command's keys must
 * share a slot (SCAN visits every master there).
 */
export async function deleteKeysWithPrefix(redis: RedisAdapter, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const page = await redis.scan(cursor, { match: `${escapeGlob(prefix)}*`, count: 500 });
    cursor = page.cursor;
    if (page.keys.length > 0) deleted += await unlinkBySlot(redis, page.keys);
  } while (cursor !== '0');
  return deleted;
}

async function unlinkBySlot(redis: RedisAdapter, keys: string[]): Promise<number> {
  const bySlot = new Map<number, string[]>();
  for (const key of keys) {
    const slot = keySlot(key);
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), key]);
  }
  const pipeline = redis.pipeline();
  for (const group of bySlot.values()) pipeline.unlink(...group);
  const counts = (await pipeline.exec()) as number[];
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Escapes the glob characters `* ? [ ] \` so a prefix matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
