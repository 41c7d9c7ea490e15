/**
 * Global setup of the cluster projects (`ioredis-cluster`, `node-redis-cluster`): one
 * Redis Cluster for the whole run, shared by both projects and every worker (each test
 * still has its own key prefix), handed to the fixtures as `redisUrl`: the seed URLs,
 * comma-separated. A cluster started here is stopped at the end, or when the run is
 * interrupted (its servers never outlive this process).
 */
import type { TestProject } from 'vitest/node';
import { provisionRedisCluster } from './redis-source/provision-redis-cluster.js';
import type { RedisClusterSource } from './redis-source/select-redis-cluster-source.js';
import { acquireForRun } from './shared-for-run.js';

export default async function setup(project: TestProject) {
  const source = JSON.parse(process.env.KATA_REDIS_CLUSTER_SOURCE ?? '{"kind":"none"}') as RedisClusterSource;
  const { resource: cluster, release } = await acquireForRun(Symbol.for('redis-katas.shared-cluster'), () =>
    provisionRedisCluster(source),
  );
  if (!cluster) throw new Error(`Project ${project.name} needs a Redis Cluster, but none is available.`);
  project.provide('redisUrl', cluster.urls.join(','));
  return release;
}
