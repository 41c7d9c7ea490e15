import { randomBytes } from 'node:crypto';
import { createMockAdapter } from '../adapters/ioredis-mock.js';
import type { BackendName } from '../adapters/redis-adapter.js';
import { oneServerCounterpart } from './backend-names.js';
import { loadAdapterFactory } from './open-backend-adapter.js';
import { createRedisOutage, type RedisOutage } from './outage.js';
import { findOnPath } from './redis-source/detect-environment.js';
import { type StartedRedis, startRedisServer } from './redis-source/start-redis-server.js';

/**
 * Several Redis servers that share nothing, each with its own outage switch: what Redlock
 * runs on. On the mock, in-memory servers with names of their own (mock adapters share
 * data only by server name); on a real backend, one redis-server process each, started on
 * free ports and stopped by `close()`, each behind its own TCP switch.
 */
export interface IndependentRedis {
  /** One outage switch, and its adapter (`instances[i].redis`), per server. */
  readonly instances: RedisOutage[];
  /** Closes every adapter and switch, and stops the servers it started. */
  close(): Promise<void>;
}

export async function startIndependentRedis(backend: BackendName, count: number): Promise<IndependentRedis> {
  if (backend === 'mock') {
    const run = randomBytes(4).toString('hex');
    const instances = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        // Mock adapters share data by server name: one name per instance keeps them apart.
        createRedisOutage('mock', '', (_url, options) =>
          createMockAdapter({ ...options, server: `independent-${run}-${i}` }),
        ),
      ),
    );
    return { instances, close: () => closeAll(instances, []) };
  }
  const binary = findOnPath('redis-server', process.env.PATH ?? '');
  if (!binary) throw new Error('Several independent Redis servers need redis-server on PATH.');
  const servers: StartedRedis[] = [];
  const instances: RedisOutage[] = [];
  try {
    servers.push(...(await Promise.all(Array.from({ length: count }, () => startRedisServer(binary)))));
    // Independent servers, not a cluster: a cluster backend's client on one server each.
    const client = oneServerCounterpart(backend);
    const open = await loadAdapterFactory(client);
    for (const server of servers) instances.push(await createRedisOutage(client, server.url, open));
  } catch (error) {
    await closeAll(instances, servers);
    throw error;
  }
  return { instances, close: () => closeAll(instances, servers) };
}

async function closeAll(instances: RedisOutage[], servers: StartedRedis[]): Promise<void> {
  await Promise.allSettled(instances.map((instance) => instance.close()));
  await Promise.allSettled(servers.map((server) => server.stop()));
}
