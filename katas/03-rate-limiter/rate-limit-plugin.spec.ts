import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, expectRoundTrips, expectWithin, test } from '../../harness/test.js';
import { createKataServer } from '../../server-kit/index.js';
import type { RateLimitPluginOptions, RouteRateLimitOptions } from './rate-limit.js';
import { rateLimitPlugin } from './rate-limit-plugin.js';

/**
 * A kata server with the plugin (3 requests per minute per IP unless `options` say otherwise),
 * `GET /limited` behind it (with `route` overrides), and `GET /free` without it. Closed when
 * the test ends.
 */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
  options: Partial<RateLimitPluginOptions> = {},
  route?: RouteRateLimitOptions,
): Promise<FastifyInstance> {
  const app = await createKataServer({ redis, title: 'plugin spec', description: 'the rate-limit plugin' });
  onTestFinished(async () => {
    await app.close().catch(() => undefined);
  });
  await app.register(rateLimitPlugin, { redis, namespace: `${prefix}rl:`, limit: 3, windowMs: 60_000, ...options });
  app.get('/limited', { onRequest: app.rateLimit(route) }, async (request) => ({
    ok: true,
    remaining: request.rateLimit?.remaining,
  }));
  app.get('/free', async () => ({ ok: true }));
  return app;
}

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') =>
  app.inject({ method: 'GET', url, headers, remoteAddress });

/** `"default";r=2;t=60` → `{ policy: 'default', r: 2, t: 60 }`. */
function parseRateLimit(field: unknown): { policy: string; r: number; t: number } {
  const match = /^"([^"]+)";r=(\d+);t=(\d+)$/.exec(String(field));
  if (!match) throw new Error(`RateLimit field not in the draft's syntax: ${String(field)}`);
  return { policy: match[1] ?? '', r: Number(match[2]), t: Number(match[3]) };
}

describe('step 4 · Fastify plugin per IP or per user', () => {
  test('a limited route answers 200 up to the limit, then 429 too_many_requests', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get(app, '/limited')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await get(app, '/limited')).json()).toMatchObject({
      error: 'too_many_requests',
      message: expect.any(String),
    });
  });

  test('every limited response carries RateLimit-Policy and RateLimit in the draft’s syntax', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished);
    const response = await get(app, '/limited');
    expect(response.headers['ratelimit-policy']).toBe('"default";q=3;w=60');
    const field = parseRateLimit(response.headers.ratelimit);
    expect(field).toMatchObject({ policy: 'default', r: 2 });
    expectWithin(field.t, { atLeast: 55, atMost: 60 }, 't of the RateLimit field, in seconds');
  });

  test('a 429 carries Retry-After in whole seconds, and RateLimit with r=0', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished);
    for (let i = 0; i < 3; i += 1) await get(app, '/limited');
    const response = await get(app, '/limited');
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    const retryAfter = Number(response.headers['retry-after']);
    expectWithin(retryAfter, { atLeast: 55, atMost: 60 }, 'Retry-After, in seconds');
    const field = parseRateLimit(response.headers.ratelimit);
    expect(field.r).toBe(0);
    expectWithin(retryAfter, { atLeast: field.t }, 'Retry-After, in seconds');
    expect(response.headers['ratelimit-policy']).toBe('"default";q=3;w=60');
  });

  test('a window under a second gives Retry-After 1 and w=1, never 0', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished, { limit: 1, windowMs: 900 });
    await get(app, '/limited');
    const response = await get(app, '/limited');
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.headers['ratelimit-policy']).toBe('"default";q=1;w=1');
    expect(parseRateLimit(response.headers.ratelimit)).toMatchObject({ r: 0, t: 1 });
  });

  test('routes that do not ask for a limit are not limited and carry no RateLimit fields', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished, { limit: 1 });
    for (let i = 0; i < 5; i += 1) {
      const response = await get(app, '/free');
      expect(response.statusCode).toBe(200);
      expect(response.headers.ratelimit).toBeUndefined();
      expect(response.headers['ratelimit-policy']).toBeUndefined();
    }
    expect((await get(app, '/health')).headers.ratelimit).toBeUndefined();
  });

  test('the limit applies per client IP by default', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    for (let i = 0; i < 3; i += 1) await get(app, '/limited', {}, '10.0.0.1');
    expect((await get(app, '/limited', {}, '10.0.0.1')).statusCode).toBe(429);
    expect((await get(app, '/limited', {}, '10.0.0.2')).statusCode).toBe(200);
  });

  test('with by: "user", the limit applies per x-user-id, whatever the IP', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished, { by: 'user' });
    for (let i = 0; i < 3; i += 1) await get(app, '/limited', { 'x-user-id': 'alice' }, `10.0.0.${i + 1}`);
    expect((await get(app, '/limited', { 'x-user-id': 'alice' }, '10.0.0.9')).statusCode).toBe(429);
    expect((await get(app, '/limited', { 'x-user-id': 'bob' }, '10.0.0.1')).statusCode).toBe(200);
  });

  test('with by: "user", a request without x-user-id counts against its IP', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished, { by: 'user' });
    for (let i = 0; i < 3; i += 1) await get(app, '/limited', {}, '10.0.0.1');
    expect((await get(app, '/limited', {}, '10.0.0.1')).statusCode).toBe(429);
    expect((await get(app, '/limited', {}, '10.0.0.2')).statusCode).toBe(200);
  });

  test('with by: "user", the IP limit holds whatever x-user-id says: made-up ids buy no fresh quota', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished, { by: 'user' });
    for (let i = 0; i < 3; i += 1) await get(app, '/limited', {}, '10.0.0.1');
    const statuses = [];
    for (let i = 0; i < 40; i += 1) {
      statuses.push((await get(app, '/limited', { 'x-user-id': `made-up-${i}` }, '10.0.0.1')).statusCode);
    }
    expect(statuses).toEqual(Array(40).fill(429));
  });

  test('with by: "user", a malformed x-user-id is a 400 validation_error and counts nothing', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished, { by: 'user' });
    const response = await get(app, '/limited', { 'x-user-id': 'not valid!' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'validation_error',
      message: expect.any(String),
      details: [{ in: 'headers', path: '/x-user-id', message: expect.any(String) }],
    });
    expect(await keysUnder(redis, prefix)).toEqual([]);
  });

  test('a route can override the plugin’s rule, under a policy of its own', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished, {}, { limit: 1, policy: 'strict' });
    const first = await get(app, '/limited');
    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-policy']).toBe('"strict";q=1;w=60');
    expect(parseRateLimit(first.headers.ratelimit)).toMatchObject({ policy: 'strict', r: 0 });
    expect((await get(app, '/limited')).statusCode).toBe(429);
  });

  test.for(['fixed-window', 'sliding-log', 'token-bucket'] as const)(
    'limits with the %s algorithm',
    async (algorithm, { redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished, { algorithm, limit: 2 });
      const responses = [];
      for (let i = 0; i < 3; i += 1) responses.push(await get(app, '/limited'));
      expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 429]);
      expect(responses.map((response) => parseRateLimit(response.headers.ratelimit).r)).toEqual([1, 0, 0]);
      expectWithin(Number(responses[2]?.headers['retry-after']), { atLeast: 1 }, 'Retry-After, in seconds');
    },
  );

  test('the handler finds the check on request.rateLimit', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    await get(app, '/limited');
    expect((await get(app, '/limited')).json()).toEqual({ ok: true, remaining: 1 });
  });

  test('the plugin is not encapsulated (fastify-plugin): its decorators reach the app', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished);
    expect(app.hasDecorator('rateLimit')).toBe(true);
    expect(app.hasRequestDecorator('rateLimit')).toBe(true);
  });

  test('a limited request costs one round trip to Redis', async ({ redis, prefix, commandLog, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished, { algorithm: 'token-bucket' });
    await get(app, '/limited', {}, '10.9.9.9');
    for (let i = 1; i <= 3; i += 1) {
      commandLog.clear();
      await get(app, '/limited');
      expectRoundTrips(commandLog, 1, `request ${i} of 3`);
    }
  });

  test('under 30 concurrent requests against a limit of 10, exactly 10 get through', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished, { limit: 10, algorithm: 'sliding-log' });
    const responses = await Promise.all(Array.from({ length: 30 }, () => get(app, '/limited')));
    expect(responses.filter((response) => response.statusCode === 200).length, 'answers 200, of 30').toBe(10);
    expect(responses.filter((response) => response.statusCode === 429).length, 'answers 429, of 30').toBe(20);
  });

  test('with Redis down, a limited route answers 503 redis_unavailable within a second (fails closed)', async ({
    outage,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(outage.redis, prefix, onTestFinished);
    await outage.goDown();
    const started = performance.now();
    const response = await get(app, '/limited');
    expectWithin(performance.now() - started, { below: 1500 }, 'the time it took, in ms');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: 'redis_unavailable' });
  });

  test('with failOpen, a limited route lets requests through while Redis is down, without RateLimit fields', async ({
    outage,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(outage.redis, prefix, onTestFinished, { failOpen: true, limit: 1 });
    await outage.goDown();
    for (let i = 0; i < 3; i += 1) {
      const response = await get(app, '/limited');
      expect(response.statusCode).toBe(200);
      expect(response.headers.ratelimit).toBeUndefined();
    }
  });
});
