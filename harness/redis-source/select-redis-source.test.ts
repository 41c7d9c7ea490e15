import { describe, expect, it } from 'vitest';
import { describeRedisSource, NO_REDIS_HINT, redactUrl, selectRedisSource } from './select-redis-source.js';

const nothing = { redisUrl: undefined, dockerAnswers: false, redisServerBinary: null };

describe('selectRedisSource', () => {
  it('prefers REDIS_URL over Docker and a local binary', () => {
    const source = selectRedisSource({
      redisUrl: 'redis://10.0.0.5:6380',
      dockerAnswers: true,
      redisServerBinary: '/usr/bin/redis-server',
    });
    expect(source).toEqual({ kind: 'url', url: 'redis://10.0.0.5:6380' });
  });

  it('ignores a blank REDIS_URL', () => {
    expect(selectRedisSource({ ...nothing, redisUrl: '  ', dockerAnswers: true })).toEqual({ kind: 'testcontainers' });
  });

  it('uses testcontainers when Docker answers and no URL is set', () => {
    expect(selectRedisSource({ ...nothing, dockerAnswers: true, redisServerBinary: '/usr/bin/redis-server' })).toEqual({
      kind: 'testcontainers',
    });
  });

  it('starts a redis-server from PATH when Docker does not answer', () => {
    expect(selectRedisSource({ ...nothing, redisServerBinary: '/usr/bin/redis-server' })).toEqual({
      kind: 'redis-server',
      binary: '/usr/bin/redis-server',
    });
  });

  it('falls back to the mock alone with a hint on how to add real backends', () => {
    const source = selectRedisSource(nothing);
    expect(source).toEqual({ kind: 'none', hint: NO_REDIS_HINT });
    expect(describeRedisSource(source)).toMatch(/REDIS_URL/);
  });
});

describe('redactUrl', () => {
  it('hides the password of a Redis URL', () => {
    expect(redactUrl('redis://app:s3cret@cache:6379/0')).toBe('redis://app:***@cache:6379/0');
  });

  it('leaves a URL without credentials unchanged', () => {
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
