/**
 * `kata doctor`'s answer for the cluster backends (`ioredis-cluster`, `node-redis-cluster`):
 * is `REDIS_CLUSTER_URLS` reachable, or can the harness start a cluster of its own here
 * (`redis-server` 7.0 or later: it assigns slots with CLUSTER ADDSLOTSRANGE)?
 */
import { parseClusterUrls } from '../redis-source/select-redis-cluster-source.js';
import type { ProbeResult } from './probe-redis-url.js';
import { meetsMinimumRedis } from './redis-version.js';

export interface ClusterFacts {
  /** `REDIS_CLUSTER_URLS`, if set. */
  clusterUrls: string | undefined;
  /** What the first seed answered, when `REDIS_CLUSTER_URLS` is set. */
  seedProbe: ProbeResult | undefined;
  /** `redis-server` on PATH, and its version. */
  redisServerBinary: string | null;
  redisServerVersion: string | undefined;
}

/** Whether the cluster backends run here, and how (or the one fix). */
export type ClusterVerdict = { runs: true; how: string } | { runs: false; why: string; fix: string };

export function clusterVerdict(facts: ClusterFacts, installCommand: string): ClusterVerdict {
  const seeds = parseClusterUrls(facts.clusterUrls);
  if (seeds.length > 0) {
    if (facts.seedProbe?.ok) return { runs: true, how: `on REDIS_CLUSTER_URLS (${seeds.length} seed(s))` };
    return {
      runs: false,
      why: `REDIS_CLUSTER_URLS' first seed ${facts.seedProbe?.ok === false ? facts.seedProbe.reason : 'does not answer'}`,
      fix: 'unset REDIS_CLUSTER_URLS (the harness then starts a cluster itself)',
    };
  }
  if (!facts.redisServerBinary) return { runs: false, why: 'needs redis-server 7.0+ on PATH', fix: installCommand };
  if (meetsMinimumRedis(facts.redisServerVersion) === false)
    return {
      runs: false,
      why: `redis-server ${facts.redisServerVersion} is too old to start a cluster (CLUSTER ADDSLOTSRANGE is new in 7.0)`,
      fix: 'install Redis 7.0 or later, or set REDIS_CLUSTER_URLS to a running cluster',
    };
  return { runs: true, how: `on a 3-master cluster of ${facts.redisServerBinary}, started by the harness` };
}
