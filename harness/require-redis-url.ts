import type { BackendName } from './backend-names.js';

/** `url`, or an error saying how to give a real backend its Redis. */
export function requireRedisUrl(backend: BackendName, url: string): string {
  if (!url) throw new Error(`The ${backend} backend needs a Redis URL (set REDIS_URL, or install redis-server).`);
  return url;
}
