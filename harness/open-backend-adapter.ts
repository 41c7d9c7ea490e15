/**
 * The spec side's adapter factory: loads only the client of the backend a spec runs on
 * (the mock's run does not load ioredis' or node-redis' modules, about 0.9 s saved per
 * worker), then makes adapters synchronously.
 */
import type { ClusterClientOptions } from '../adapters/cluster/cluster-client-options.js';
import type { AdapterOptions } from '../adapters/core/create-adapter.js';
import type { BackendName, RedisAdapter } from '../adapters/redis-adapter.js';
import { requireClusterUrls, requireRedisUrl } from './require-redis-url.js';

/** Where a cluster backend connects for the node addresses its cluster announces (a relay: see `outage.ts`). */
export type ClusterAddressOptions = Pick<ClusterClientOptions, 'nodeAddressMap'>;

/** Makes adapters for one backend; the URL is the real Redis (`''` on the mock; seed URLs, comma-separated, on a cluster). */
export type AdapterFactory = (url: string, options?: AdapterOptions & ClusterAddressOptions) => RedisAdapter;

const factories = new Map<BackendName, Promise<AdapterFactory>>();

async function importFactory(backend: BackendName): Promise<AdapterFactory> {
  switch (backend) {
    case 'mock': {
      const { createMockAdapter } = await import('../adapters/ioredis-mock.js');
      return (_url, options = {}) => createMockAdapter(options);
    }
    case 'ioredis': {
      const { createIoredisAdapter } = await import('../adapters/ioredis.js');
      return (url, options = {}) => createIoredisAdapter({ ...options, url: requireRedisUrl(backend, url) });
    }
    case 'node-redis': {
      const { createNodeRedisAdapter } = await import('../adapters/node-redis.js');
      return (url, options = {}) => createNodeRedisAdapter({ ...options, url: requireRedisUrl(backend, url) });
    }
    case 'ioredis-cluster': {
      const { createIoredisClusterAdapter } = await import('../adapters/ioredis-cluster.js');
      return (url, options = {}) => createIoredisClusterAdapter({ ...options, urls: requireClusterUrls(backend, url) });
    }
    case 'node-redis-cluster': {
      const { createNodeRedisClusterAdapter } = await import('../adapters/node-redis-cluster.js');
      return (url, options = {}) =>
        createNodeRedisClusterAdapter({ ...options, urls: requireClusterUrls(backend, url) });
    }
  }
}

/** The factory of `backend`, its client loaded on first use. */
export function loadAdapterFactory(backend: BackendName): Promise<AdapterFactory> {
  let factory = factories.get(backend);
  if (!factory) {
    factory = importFactory(backend);
    factories.set(backend, factory);
  }
  return factory;
}
