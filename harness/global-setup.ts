/**
 * Global setup of the real-Redis projects (`ioredis`, `node-redis`): provisions one Redis
 * for the whole run, shared by both projects (each test still has its own key prefix),
 * and hands its URL to the fixtures as `redisUrl`.
 */
import type { TestProject } from 'vitest/node';
import { provisionRedis } from './redis-source/provision-redis.js';
import type { RedisSource } from './redis-source/select-redis-source.js';
import { acquireForRun } from './shared-for-run.js';

export default async function setup(project: TestProject) {
  const source = JSON.parse(process.env.KATA_REDIS_SOURCE ?? '{"kind":"none"}') as RedisSource;
  const { resource: redis, release } = await acquireForRun(Symbol.for('redis-katas.shared-redis'), () =>
    provisionRedis(source),
  );
  if (!redis) throw new Error(`Project ${project.name} needs a real Redis, but none is available.`);
  project.provide('redisUrl', redis.url);
  return release;
}
