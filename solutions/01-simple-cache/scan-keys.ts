import type { RedisAdapter } from '../../adapters/redis-adapter.js';

export interface KeyPatternOptions {
  /** The cache's namespace: only keys starting with it are seen or deleted. */
  namespace: string;
  /** A glob inside the namespace (`user:*`, `session:?`). Default `*`: everything in it. */
  pattern?: string;
}

/** Escapes the glob characters `* ? [ ] \` so `text` matches only itself in a SCAN MATCH. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * Walks every key of the namespace matching `pattern`, one SCAN page at a time. SCAN, not
 * KEYS: KEYS walks the whole keyspace in one go and blocks every other client meanwhile;
 * SCAN does a little work per call. The namespace is escaped, so a namespace holding `*`
 * or `?` still matches only itself; the `startsWith` check is a second guard.
 */
async function* scanPages(redis: RedisAdapter, { namespace, pattern = '*' }: KeyPatternOptions) {
  const match = `${escapeGlob(namespace)}${pattern}`;
  let cursor = '0';
  do {
    const page = await redis.scan(cursor, { match, count: 250 });
    cursor = page.cursor;
    yield page.keys.filter((key) => key.startsWith(namespace));
  } while (cursor !== '0');
}

/** The keys of the namespace matching `pattern`, without the namespace, sorted, each once (SCAN may repeat a key). */
export async function scanKeys(redis: RedisAdapter, options: KeyPatternOptions): Promise<string[]> {
  const keys = new Set<string>();
  for await (const page of scanPages(redis, options)) {
    for (const key of page) keys.add(key.slice(options.namespace.length));
  }
  return [...keys].sort();
}

/**
 * Deletes the keys of the namespace matching `pattern`, page by page: one UNLINK per key,
 * a page's UNLINKs in one pipeline. Returns how many were deleted.
 */
export async function clearByPattern(redis: RedisAdapter, options: KeyPatternOptions): Promise<number> {
  let deleted = 0;
  for await (const page of scanPages(redis, options)) {
    if (page.length === 0) continue;
    // UNLINK frees the memory in the background; its count skips keys already gone. One
    // UNLINK per key: on Redis Cluster, an UNLINK of keys in different slots is refused.
    const batch = redis.pipeline();
    for (const key of page) batch.unlink(key);
    for (const count of await batch.exec()) deleted += Number(count);
  }
  return deleted;
}
