/**
 * The backends, by name, and nothing else: the CLI, the Vitest config and the reporters
 * import this without loading a Redis client. One Vitest project per backend, same name.
 */
import type { BackendName } from '../adapters/redis-adapter.js';

export type { BackendName };

/** Every backend, the in-memory one first. */
export const backendNames = ['mock', 'ioredis', 'node-redis'] as const satisfies readonly BackendName[];

/** The backends that talk to a real Redis server. */
export const realBackendNames = ['ioredis', 'node-redis'] as const satisfies readonly BackendName[];

/** `mock|ioredis|node-redis`, for usage lines and error messages. */
export const backendChoices = backendNames.join('|');

export function isBackendName(value: string): value is BackendName {
  return (backendNames as readonly string[]).includes(value);
}
