import type { BackendName } from './backend-names.js';

/** `url`, or an error saying how to give a real backend its Redis. */
export function requireRedisUrl(backend: BackendName, url: string): string {
  if (!url) throw new Error(`The ${backend} backend needs a Redis URL (set REDIS_URL, or install redis-server).`);
  return url;
}

/** The seed node URLs of a cluster backend, from `REDIS_CLUSTER_URLS`' form: `redis://a:7000,redis://b:7001`. */
export function requireClusterUrls(backend: BackendName, urls: string): string[] {
  const seeds = urls
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (seeds.length === 0)
    throw new Error(
      `The ${backend} backend needs a Redis Cluster (set REDIS_CLUSTER_URLS=redis://host:7000,redis://host:7001, or install redis-server ≥ 7).`,
    );
  return seeds;
}
