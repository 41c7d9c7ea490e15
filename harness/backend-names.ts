/**
 * The backends, by name, and nothing else: the CLI, the Vitest config and the reporters
 * import this without loading a Redis client. One Vitest project per backend, same name.
 */
import type { BackendName } from '../adapters/redis-adapter.js';

export type { BackendName };

/** The real clients on one Redis server. */
export const serverBackendNames = ['ioredis', 'node-redis'] as const satisfies readonly BackendName[];

/** The same two clients on Redis Cluster. */
export const clusterBackendNames = ['ioredis-cluster', 'node-redis-cluster'] as const satisfies readonly BackendName[];

/** The backends that talk to a real Redis: one server, then a cluster. */
export const realBackendNames = [
  ...serverBackendNames,
  ...clusterBackendNames,
] as const satisfies readonly BackendName[];

/** Every backend, the in-memory one first. */
export const backendNames = ['mock', ...realBackendNames] as const satisfies readonly BackendName[];

/** `mock|ioredis|node-redis|…`, for usage lines and error messages. */
export const backendChoices = backendNames.join('|');

export function isBackendName(value: string): value is BackendName {
  return (backendNames as readonly string[]).includes(value);
}

export type ClusterBackendName = (typeof clusterBackendNames)[number];

/** Whether `backend` runs on Redis Cluster (its URL is a list of seed nodes). */
export function isClusterBackend(backend: BackendName): backend is ClusterBackendName {
  return (clusterBackendNames as readonly string[]).includes(backend);
}

/** The same client on one server: `ioredis-cluster` → `ioredis`; other backends are their own. */
export function oneServerCounterpart(backend: BackendName): BackendName {
  if (backend === 'ioredis-cluster') return 'ioredis';
  if (backend === 'node-redis-cluster') return 'node-redis';
  return backend;
}
