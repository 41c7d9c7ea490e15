import { describe, expect, it } from 'vitest';
import {
  describeRedisClusterSource,
  NO_CLUSTER_HINT,
  parseClusterUrls,
  selectRedisClusterSource,
} from './select-redis-cluster-source.js';

describe('selectRedisClusterSource', () => {
  it('prefers REDIS_CLUSTER_URLS over a local redis-server', () => {
    const source = selectRedisClusterSource({
      clusterUrls: 'redis://10.0.0.5:7000,redis://10.0.0.6:7001',
      redisServerBinary: '/usr/bin/redis-server',
    });
    expect(source).toEqual({ kind: 'urls', urls: ['redis://10.0.0.5:7000', 'redis://10.0.0.6:7001'] });
  });

  it('starts a cluster of redis-server from PATH when REDIS_CLUSTER_URLS is unset or blank', () => {
    for (const clusterUrls of [undefined, ' , ']) {
      expect(selectRedisClusterSource({ clusterUrls, redisServerBinary: '/usr/bin/redis-server' })).toEqual({
        kind: 'redis-server',
        binary: '/usr/bin/redis-server',
      });
    }
  });

  it('runs no cluster backend without either, and says how to add them', () => {
    const source = selectRedisClusterSource({ clusterUrls: undefined, redisServerBinary: null });
    expect(source).toEqual({ kind: 'none', hint: NO_CLUSTER_HINT });
    expect(describeRedisClusterSource(source)).toMatch(/REDIS_CLUSTER_URLS/);
  });
});

describe('parseClusterUrls', () => {
  it('trims each seed and drops empty ones', () => {
    expect(parseClusterUrls(' redis://a:7000 ,,redis://b:7001 ')).toEqual(['redis://a:7000', 'redis://b:7001']);
  });
});

describe('describeRedisClusterSource', () => {
  it('hides passwords of the seed URLs', () => {
    expect(describeRedisClusterSource({ kind: 'urls', urls: ['redis://app:s3cret@a:7000'] })).toContain(
      'redis://app:***@a:7000',
    );
  });
});
