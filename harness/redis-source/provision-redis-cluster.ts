/**
 * Redis Cluster provisioning, in one place: the cluster a source describes
 * (`select-redis-cluster-source.ts`), given or started here and stopped by the caller.
 * Used by the cluster projects' global setup and `kata serve`.
 */
import { detectClusterEnvironment } from './detect-environment.js';
import {
  describeRedisClusterSource,
  type RedisClusterSource,
  selectRedisClusterSource,
} from './select-redis-cluster-source.js';
import { type StartedCluster, startRedisCluster } from './start-redis-cluster.js';

/** The cluster a source describes: the given seeds (never stopped), or one started here. */
export async function provisionRedisCluster(source: RedisClusterSource): Promise<StartedCluster | null> {
  switch (source.kind) {
    case 'urls':
      return { urls: source.urls, stop: async () => {} };
    case 'redis-server':
      return startRedisCluster(source.binary);
    case 'none':
      return null;
  }
}

/** A cluster for this process, found or started, as the comma-separated seeds the cluster backends take. */
export async function provideRedisCluster(): Promise<{ urls: string; description: string; stop(): Promise<void> }> {
  const source = selectRedisClusterSource(detectClusterEnvironment());
  const started = await provisionRedisCluster(source);
  return {
    urls: started?.urls.join(',') ?? '',
    description: describeRedisClusterSource(source),
    stop: async () => {
      await started?.stop();
    },
  };
}
