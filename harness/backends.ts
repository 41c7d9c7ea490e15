/**
 * A new adapter for a backend named at run time. Tooling (benchmarks, `kata serve`) uses
 * this one, which loads every client; specs get theirs from `open-backend-adapter.ts`,
 * which loads only the client of the backend they run on.
 */
import type { AdapterOptions } from '../adapters/core/create-adapter.js';
import { createIoredisAdapter } from '../adapters/ioredis.js';
import { createIoredisClusterAdapter } from '../adapters/ioredis-cluster.js';
import { createMockAdapter } from '../adapters/ioredis-mock.js';
import { createNodeRedisAdapter } from '../adapters/node-redis.js';
import { createNodeRedisClusterAdapter } from '../adapters/node-redis-cluster.js';
import type { BackendName, RedisAdapter } from '../adapters/redis-adapter.js';
import { requireClusterUrls, requireRedisUrl } from './require-redis-url.js';

export { backendNames, isBackendName, realBackendNames } from './backend-names.js';

/** A new adapter for `backend`; `url` is required for the real clients (seed node URLs, comma-separated, for a cluster). */
export function createBackendAdapter(backend: BackendName, url: string, options: AdapterOptions = {}): RedisAdapter {
  switch (backend) {
    case 'mock':
      return createMockAdapter(options);
    case 'ioredis':
      return createIoredisAdapter({ ...options, url: requireRedisUrl(backend, url) });
    case 'node-redis':
      return createNodeRedisAdapter({ ...options, url: requireRedisUrl(backend, url) });
    case 'ioredis-cluster':
      return createIoredisClusterAdapter({ ...options, urls: requireClusterUrls(backend, url) });
    case 'node-redis-cluster':
      return createNodeRedisClusterAdapter({ ...options, urls: requireClusterUrls(backend, url) });
  }
}
