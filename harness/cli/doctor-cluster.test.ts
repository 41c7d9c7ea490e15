import { describe, expect, it } from 'vitest';
import { clusterVerdict } from './doctor-cluster.js';

const none = { clusterUrls: undefined, seedProbe: undefined, redisServerBinary: null, redisServerVersion: undefined };

describe('clusterVerdict', () => {
  it('runs on REDIS_CLUSTER_URLS when its first seed answers', () => {
    const verdict = clusterVerdict(
      { ...none, clusterUrls: 'redis://a:7000,redis://b:7001', seedProbe: { ok: true, version: '7.2.4' } },
      'brew install redis',
    );
    expect(verdict).toEqual({ runs: true, how: 'on REDIS_CLUSTER_URLS (2 seed(s))' });
  });

  it('says why REDIS_CLUSTER_URLS does not work, and to unset it', () => {
    const verdict = clusterVerdict(
      { ...none, clusterUrls: 'redis://a:7000', seedProbe: { ok: false, reason: 'refused the connection' } },
      'brew install redis',
    );
    expect(verdict).toMatchObject({ runs: false, why: expect.stringContaining('refused the connection') });
  });

  it('starts a cluster from a redis-server 7.0 or later', () => {
    const verdict = clusterVerdict(
      { ...none, redisServerBinary: '/usr/bin/redis-server', redisServerVersion: '7.0.15' },
      'x',
    );
    expect(verdict).toEqual({
      runs: true,
      how: 'on a 3-master cluster of /usr/bin/redis-server, started by the harness',
    });
  });

  it('cannot start one from redis-server 6, and says what to install', () => {
    const verdict = clusterVerdict(
      { ...none, redisServerBinary: '/usr/bin/redis-server', redisServerVersion: '6.2.14' },
      'x',
    );
    expect(verdict).toMatchObject({ runs: false, why: expect.stringContaining('too old to start a cluster') });
  });

  it('names the install command when there is no redis-server', () => {
    expect(clusterVerdict(none, 'brew install redis')).toEqual({
      runs: false,
      why: 'needs redis-server 7.0+ on PATH',
      fix: 'brew install redis',
    });
  });
});
