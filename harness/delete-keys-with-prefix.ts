import type { RedisAdapter } from '../adapters/redis-adapter.js';

/** Deletes every key starting with `prefix`, by SCAN and UNLINK: never KEYS, never FLUSH. */
export async function deleteKeysWithPrefix(redis: RedisAdapter, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const page = await redis.scan(cursor, { match: `${escapeGlob(prefix)}*`, count: 500 });
    cursor = page.cursor;
    if (page.keys.length > 0) deleted += await redis.unlink(...page.keys);
  } while (cursor !== '0');
  return deleted;
}

/** Escapes the glob characters `* ? [ ] \` so a prefix matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
