/**
 * Global setup of the real-Redis projects (`ioredis`, `node-redis`): provisions one Redis
 * for the whole run, shared by both projects (each test still has its own key prefix),
 * and hands its URL to the fixtures as `redisUrl`.
 */
import type { TestProject } from 'vitest/node';
import { provisionRedis } from './redis-source/provision-redis.js';
import type { RedisSource } from './redis-source/select-redis-source.js';
import type { StartedRedis } from './redis-source/start-redis-server.js';

interface SharedRedis {
  started: Promise<StartedRedis | null>;
  users: number;
}

const globalKey = Symbol.for('redis-katas.shared-redis');
const registry = globalThis as { [globalKey]?: SharedRedis };

export default async function setup(project: TestProject) {
  const source = JSON.parse(process.env.KATA_REDIS_SOURCE ?? '{"kind":"none"}') as RedisSource;
  registry[globalKey] ??= { started: provisionRedis(source), users: 0 };
  const shared = registry[globalKey];
  shared.users += 1;
  const redis = await shared.started;
  if (!redis) throw new Error(`Project ${project.name} needs a real Redis, but none is available.`);
  project.provide('redisUrl', redis.url);

  return async function teardown() {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[globalKey];
    await redis.stop();
  };
}
