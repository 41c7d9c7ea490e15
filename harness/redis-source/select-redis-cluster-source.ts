/**
 * Where the cluster backends (`ioredis-cluster`, `node-redis-cluster`) get their Redis
 * Cluster, in this order:
 * 1. `REDIS_CLUSTER_URLS`, seed nodes, comma-separated: used as it is, never flushed;
 * 2. `redis-server` (7.0 or later) on PATH: three masters started by the harness on free
 *    ports, no persistence, stopped at the end of the run;
 * 3. none: the cluster backends do not run, and `hint` says how to add them.
 */
export type RedisClusterSource =
  | { kind: 'urls'; urls: string[] }
  | { kind: 'redis-server'; binary: string }
  | { kind: 'none'; hint: string };

export interface RedisClusterEnvironment {
  /** The `REDIS_CLUSTER_URLS` environment variable, if any. */
  clusterUrls: string | undefined;
  /** The path of `redis-server` on PATH, or `null`. */
  redisServerBinary: string | null;
}

export const NO_CLUSTER_HINT =
  'The cluster backends (ioredis-cluster, node-redis-cluster) need redis-server 7.0+ on PATH ' +
  '(`sudo apt-get install redis-server` or `brew install redis`: the harness starts a 3-node cluster itself) ' +
  'or REDIS_CLUSTER_URLS=redis://host:7000,redis://host:7001 pointing at a running cluster.';

/** `redis://a:7000, redis://b:7001` → `['redis://a:7000', 'redis://b:7001']`; blanks dropped. */
export function parseClusterUrls(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

export function selectRedisClusterSource(environment: RedisClusterEnvironment): RedisClusterSource {
  const urls = parseClusterUrls(environment.clusterUrls);
  if (urls.length > 0) return { kind: 'urls', urls };
  if (environment.redisServerBinary) return { kind: 'redis-server', binary: environment.redisServerBinary };
  return { kind: 'none', hint: NO_CLUSTER_HINT };
}

/** One line for the test output saying where the cluster comes from. */
export function describeRedisClusterSource(source: RedisClusterSource): string {
  switch (source.kind) {
    case 'urls':
      return `Cluster backends use REDIS_CLUSTER_URLS (${source.urls.map(redactPassword).join(',')}); the harness never flushes it.`;
    case 'redis-server':
      return `Cluster backends use a 3-master cluster of ${source.binary}, started by the harness on free ports.`;
    case 'none':
      return source.hint;
  }
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');
}
