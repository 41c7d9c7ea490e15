import { describe, expect, it } from 'vitest';
import { anotherInstanceCommand, parseRedlockUrls, parseServeArguments } from './serve.js';

describe('parseServeArguments', () => {
  it('leaves cookies without Secure by default, for http://localhost', () => {
    expect(parseServeArguments(['02'], {}).secureCookies).toBe(false);
  });

  it('marks cookies Secure with --secure-cookies or KATA_SECURE_COOKIES=1', () => {
    expect(parseServeArguments(['02', '--secure-cookies'], {}).secureCookies).toBe(true);
    expect(parseServeArguments(['02'], { KATA_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('takes a cluster adapter and its seeds from REDIS_CLUSTER_URLS, not REDIS_URL', () => {
    const env = { REDIS_URL: 'redis://one:6379', REDIS_CLUSTER_URLS: 'redis://a:7000,redis://b:7001' };
    expect(parseServeArguments(['03', '--adapter', 'node-redis-cluster'], env)).toMatchObject({
      adapter: 'node-redis-cluster',
      url: 'redis://a:7000,redis://b:7001',
    });
    expect(parseServeArguments(['03', '--adapter', 'ioredis'], env).url).toBe('redis://one:6379');
  });

  it('still finds the kata, the adapter and the port beside the flag', () => {
    const options = parseServeArguments(['--secure-cookies', '02', '--adapter', 'ioredis', '--port', '3100'], {});
    expect(options).toMatchObject({ kata: '02', adapter: 'ioredis', port: 3100, secureCookies: true });
  });
});

describe('--log-level', () => {
  it('logs every request (info) by default, and takes a pino level', () => {
    expect(parseServeArguments(['03'], {}).logLevel).toBe('info');
    expect(parseServeArguments(['03', '--log-level', 'warn', '--port', '3100'], {})).toMatchObject({
      kata: '03',
      logLevel: 'warn',
      port: 3100,
    });
  });

  it('refuses a level pino does not know', () => {
    expect(() => parseServeArguments(['03', '--log-level', 'loud'], {})).toThrow(/--log-level must be one of/);
  });
});

describe('parseRedlockUrls', () => {
  it('reads three comma-separated URLs from REDLOCK_URLS, and none when unset', () => {
    const urls = 'redis://127.0.0.1:7001, redis://127.0.0.1:7002,redis://127.0.0.1:7003';
    expect(parseServeArguments(['08', '--adapter', 'ioredis'], { REDLOCK_URLS: urls }).redlockUrls).toEqual([
      'redis://127.0.0.1:7001',
      'redis://127.0.0.1:7002',
      'redis://127.0.0.1:7003',
    ]);
    expect(parseServeArguments(['08'], {}).redlockUrls).toEqual([]);
  });

  it('refuses two URLs, a URL that is not redis://, and the mock', () => {
    expect(() => parseRedlockUrls('redis://a:1,redis://b:2', 'ioredis')).toThrow(/three/);
    expect(() => parseRedlockUrls('redis://a:1,http://b:2,redis://c:3', 'ioredis')).toThrow(/three/);
    expect(() => parseRedlockUrls('redis://a:1,redis://b:2,redis://c:3', 'mock')).toThrow(/--adapter ioredis/);
  });
});

describe('anotherInstanceCommand', () => {
  it('serves the same kata on the next port, on the same Redis', () => {
    const options = parseServeArguments(['07', '--solution', '--adapter', 'ioredis', '--port', '3001'], {});
    expect(anotherInstanceCommand(options, 'redis://127.0.0.1:6390')).toBe(
      'pnpm kata serve 07 --solution --adapter ioredis --port 3002 --url redis://127.0.0.1:6390',
    );
  });

  it('keeps a --log-level other than the default', () => {
    const options = parseServeArguments(['03', '--port', '3001', '--log-level', 'warn'], {});
    expect(anotherInstanceCommand(options, 'redis://127.0.0.1:6390')).toBe(
      'pnpm kata serve 03 --adapter mock --port 3002 --url redis://127.0.0.1:6390 --log-level warn',
    );
  });
});
