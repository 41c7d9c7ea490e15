import type { AdapterOptions } from '../adapters/core/create-adapter.js';
import { createIoredisAdapter } from '../adapters/ioredis.js';
import { createMockAdapter } from '../adapters/ioredis-mock.js';
import { createNodeRedisAdapter } from '../adapters/node-redis.js';
import type { BackendName, RedisAdapter } from '../adapters/redis-adapter.js';

export const backendNames = ['mock', 'ioredis', 'node-redis'] as const satisfies readonly BackendName[];

export const realBackendNames = ['ioredis', 'node-redis'] as const satisfies readonly BackendName[];

export function isBackendName(value: string): value is BackendName {
  return (backendNames as readonly string[]).includes(value);
}

/** A new adapter for `backend`; `url` is required for the real clients. */
export function createBackendAdapter(backend: BackendName, url: string, options: AdapterOptions = {}): RedisAdapter {
  switch (backend) {
    case 'mock':
      return createMockAdapter(options);
    case 'ioredis':
      return createIoredisAdapter({ ...options, url: requireUrl(backend, url) });
    case 'node-redis':
      return createNodeRedisAdapter({ ...options, url: requireUrl(backend, url) });
  }
}

function requireUrl(backend: BackendName, url: string): string {
  if (!url) throw new Error(`The ${backend} backend needs a Redis URL (set REDIS_URL, or install redis-server).`);
  return url;
}
