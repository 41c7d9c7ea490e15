import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { NotImplementedError } from '../not-implemented-error.js';

export interface KeyPatternOptions {
  /** The cache's namespace: only keys starting with it are seen or deleted. */
  namespace: string;
  /** A glob inside the namespace (`user:*`, `session:?`). Default `*`: everything in it. */
  pattern?: string;
}

/** Escapes the glob characters `* ? [ ] \` so `text` matches only itself in a SCAN MATCH. */
export function escapeGlob(text: string): string {
  throw new NotImplementedError('01-simple-cache', 5, `escapeGlob("${text}")`);
}

/** The keys of the namespace matching `pattern`, without the namespace, sorted, each once (SCAN may repeat a key). */
export async function scanKeys(redis: RedisAdapter, options: KeyPatternOptions): Promise<string[]> {
  void redis;
  throw new NotImplementedError('01-simple-cache', 5, `scanKeys(…, "${options.pattern ?? '*'}")`);
}

/** Deletes the keys of the namespace matching `pattern`, page by page with UNLINK. Returns how many were deleted. */
export async function clearByPattern(redis: RedisAdapter, options: KeyPatternOptions): Promise<number> {
  void redis;
  throw new NotImplementedError('01-simple-cache', 5, `clearByPattern(…, "${options.pattern ?? '*'}")`);
}
