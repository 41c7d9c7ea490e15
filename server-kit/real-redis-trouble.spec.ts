/**
 * The same trouble on a real redis-server, started by this spec so that it can be put out
 * of memory or kept busy without touching the Redis other specs share. Real backends only;
 * the cluster backends use their client on that one server (`oneServerCounterpart`).
 */
import type { BackendName, RedisAdapter } from '../adapters/redis-adapter.js';
import { oneServerCounterpart } from '../harness/backend-names.js';
import { createBackendAdapter } from '../harness/backends.js';
import { jsonBody } from '../harness/http/json-body.js';
import { findOnPath } from '../harness/redis-source/detect-environment.js';
import { type StartedRedis, startRedisServer } from '../harness/redis-source/start-redis-server.js';
import { describe, expect, test } from '../harness/test.js';
import { buildItemsServer } from './spec-support.js';

const json = jsonBody;
const redisServer = findOnPath('redis-server', process.env.PATH ?? '');
const mockCannot = (backend: string) =>
  `the ${backend} backend lives in memory and cannot run out of memory or be busy (capabilities.canBeUnavailable)`;

/** A redis-server of this test's own, and an adapter to it; both gone when the test ends. */
async function ownRedis(
  backend: BackendName,
  onTestFinished: (fn: () => Promise<void>) => void,
): Promise<{ server: StartedRedis; redis: RedisAdapter; admin: RedisAdapter }> {
  const server = await startRedisServer(redisServer as string);
  const client = oneServerCounterpart(backend);
  const redis = createBackendAdapter(client, server.url);
  const admin = createBackendAdapter(client, server.url);
  onTestFinished(async () => {
    await Promise.allSettled([redis.close(), admin.close()]);
    await server.stop();
  });
  return { server, redis, admin };
}

describe('server-kit · Redis trouble on a redis-server of its own', () => {
  test('out of memory: writes answer 503 reason oom, reads still 200, /health says oom', async ({
    backend,
    redis: shared,
    prefix,
    skip,
    onTestFinished,
  }) => {
    skip(!shared.capabilities.canBeUnavailable, mockCannot(backend));
    skip(!redisServer, 'needs redis-server on PATH, to start one of its own');
    const { redis, admin } = await ownRedis(backend, onTestFinished);
    const app = await buildItemsServer(redis, prefix);
    onTestFinished(() => app.close());
    await app.inject({ method: 'PUT', url: '/items/a', ...json({ value: 'before' }) });
    await admin.sendCommand(['CONFIG', 'SET', 'maxmemory', '1']);

    const write = await app.inject({ method: 'PUT', url: '/items/b', ...json({ value: 'v' }) });
    expect(write.statusCode).toBe(503);
    expect(write.headers['retry-after']).toBeDefined();
    expect(write.json()).toMatchObject({ error: 'redis_unavailable', details: { reason: 'oom' } });
    expect((await app.inject({ method: 'GET', url: '/items/a' })).json()).toEqual({ id: 'a', value: 'before' });
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'degraded', redis: 'down', reason: 'oom' });
  });

  test('a script running past busy-reply-threshold: routes and /health answer 503 reason busy', async ({
    backend,
    redis: shared,
    prefix,
    skip,
    onTestFinished,
  }) => {
    skip(!shared.capabilities.canBeUnavailable, mockCannot(backend));
    skip(!redisServer, 'needs redis-server on PATH, to start one of its own');
    const { server, redis, admin } = await ownRedis(backend, onTestFinished);
    const app = await buildItemsServer(redis, prefix);
    onTestFinished(() => app.close());
    await admin.sendCommand(['CONFIG', 'SET', 'busy-reply-threshold', '50']);
    // A script that never ends, on a connection of its own (its adapter gives up on it after its deadline).
    const looping = createBackendAdapter(oneServerCounterpart(backend), server.url);
    onTestFinished(() => looping.close());
    looping.sendCommand(['EVAL', 'while true do end', '0']).catch(() => undefined);
    await expect
      .poll(async () => (await app.inject({ method: 'GET', url: '/items/a' })).json(), { timeout: 3000 })
      .toMatchObject({ error: 'redis_unavailable', details: { reason: 'busy' } });
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ reason: 'busy' });
    await admin.sendCommand(['SCRIPT', 'KILL']);
    await expect.poll(async () => (await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
