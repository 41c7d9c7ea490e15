import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import {
  describeHealthRoute,
  describeOpenApi,
  describeServerRules,
  expectUnavailable,
  type StartServer,
} from '../../harness/http/kata-server-contract.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import type { RouteRateLimitOptions } from './rate-limit.js';
import { buildServer } from './server.js';

/** A server, closed when the test ends. Built inside each test, so each fails on its own. */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
  limited?: RouteRateLimitOptions,
): Promise<FastifyInstance> {
  const app = await buildServer({ redis, prefix, limited });
  onTestFinished(() => app.close());
  return app;
}

const check = (app: FastifyInstance, query: string) => app.inject({ method: 'GET', url: `/rate-limit/check?${query}` });

/** The server as the shared contract specs build it. */
const startServer: StartServer = (redis, prefix) => buildServer({ redis, prefix });

describe('step 5 · server', () => {
  describe('GET /rate-limit/check', () => {
    test.for(['fixed-window', 'sliding-log', 'token-bucket'] as const)(
      'with %s, answers 200 {allowed, count, limit, remaining, resetMs}, and allowed false past the limit',
      async (algorithm, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const query = `user_id=u1&limit=2&window=60000&algorithm=${algorithm}`;
        const first = await check(app, query);
        expect(first.statusCode).toBe(200);
        const body = first.json();
        expect(Object.keys(body).sort()).toEqual(['allowed', 'count', 'limit', 'remaining', 'resetMs']);
        expect(body).toMatchObject({ allowed: true, count: 1, limit: 2, remaining: 1 });
        expect(body.resetMs).toBeGreaterThan(0);
        expect(body.resetMs).toBeLessThanOrEqual(60_000);
        await check(app, query);
        const third = await check(app, query);
        expect(third.statusCode).toBe(200);
        expect(third.json()).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
      },
    );

    test('defaults to the fixed window, 10 requests per 60 000 ms', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const results = [];
      for (let i = 0; i < 11; i += 1) results.push((await check(app, 'user_id=u1')).json());
      expect(results.map((result) => result.allowed)).toEqual([...Array(10).fill(true), false]);
      expect(results[0]).toMatchObject({ limit: 10, remaining: 9 });
      expect(results[10].count).toBeGreaterThanOrEqual(10);
      expect(results[10].resetMs).toBeGreaterThan(55_000);
      expect(results[10].resetMs).toBeLessThanOrEqual(60_000);
    });

    test('each user and each algorithm has its own limit', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (let i = 0; i < 2; i += 1) await check(app, 'user_id=u1&limit=1&algorithm=fixed-window');
      expect((await check(app, 'user_id=u1&limit=1&algorithm=fixed-window')).json().allowed).toBe(false);
      expect((await check(app, 'user_id=u2&limit=1&algorithm=fixed-window')).json().allowed).toBe(true);
      expect((await check(app, 'user_id=u1&limit=1&algorithm=token-bucket')).json().allowed).toBe(true);
      expect((await check(app, 'user_id=u1&limit=1&algorithm=sliding-log')).json().allowed).toBe(true);
    });

    test('each rule has its own key: an hour-long window sent for a user does not block their 1-second rule', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const algorithm of ['fixed-window', 'sliding-log', 'token-bucket']) {
        await check(app, `user_id=bob&limit=1&window=3600000&algorithm=${algorithm}`);
        expect((await check(app, `user_id=bob&limit=1&window=3600000&algorithm=${algorithm}`)).json().allowed).toBe(
          false,
        );
        const ownRule = await check(app, `user_id=bob&limit=1&window=1000&algorithm=${algorithm}`);
        expect(ownRule.json(), algorithm).toMatchObject({ allowed: true, remaining: 0 });
      }
    });

    test('no key it writes lives longer than its window: at most one hour', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const algorithm of ['fixed-window', 'sliding-log', 'token-bucket']) {
        await check(app, `user_id=u1&limit=5&window=3600000&algorithm=${algorithm}`);
      }
      const keys = await keysUnder(redis, prefix);
      expect(keys).toHaveLength(3);
      for (const key of keys) expect(await redis.pTtl(key), `${key}: TTL in ms`).toBeLessThanOrEqual(3_600_000);
    });

    test('the window is in milliseconds: a 150 ms window opens again within a second', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const query = 'user_id=u1&limit=1&window=150&algorithm=fixed-window';
      await check(app, query);
      expect((await check(app, query)).json().allowed).toBe(false);
      await expect
        .poll(async () => (await check(app, query)).json().allowed, { timeout: 1000, interval: 30 })
        .toBe(true);
    });

    test('every key it writes is under the prefix and has a TTL', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const algorithm of ['fixed-window', 'sliding-log', 'token-bucket']) {
        for (let i = 0; i < 3; i += 1) await check(app, `user_id=u${i}&limit=2&algorithm=${algorithm}`);
      }
      const keys = await keysUnder(redis, prefix);
      expect(keys).toHaveLength(9);
      for (const key of keys) expect(await redis.pTtl(key), key).toBeGreaterThan(0);
    });

    test('two servers on one Redis share the limits', async ({ redis, prefix, connect, onTestFinished }) => {
      const first = await start(redis, prefix, onTestFinished);
      const second = await start(connect(), prefix, onTestFinished);
      await check(first, 'user_id=u1&limit=2');
      await check(second, 'user_id=u1&limit=2');
      expect((await check(first, 'user_id=u1&limit=2')).json().allowed).toBe(false);
    });

    test.for([
      { input: 'a missing user_id', query: 'limit=5' },
      { input: 'a malformed user_id', query: 'user_id=not%20valid' },
      { input: 'a user_id of 65 characters', query: `user_id=${'a'.repeat(65)}` },
      { input: 'a limit of 0', query: 'user_id=u1&limit=0' },
      { input: 'a limit that is not an integer', query: 'user_id=u1&limit=1.5' },
      { input: 'a limit that is not a number', query: 'user_id=u1&limit=ten' },
      { input: 'a window of 0', query: 'user_id=u1&window=0' },
      { input: 'a window over an hour', query: 'user_id=u1&window=3600001' },
      { input: 'a limit over 10,000', query: 'user_id=u1&limit=10001' },
      { input: 'an unknown algorithm', query: 'user_id=u1&algorithm=leaky-bucket' },
    ])(
      'answers 400 validation_error for $input and writes nothing',
      async ({ query }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await check(app, query);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error', message: expect.any(String) });
        expect(await keysUnder(redis, prefix)).toEqual([]);
      },
    );
  });

  describe('GET /api/limited', () => {
    test('answers 200 with the RateLimit fields, then 429 with Retry-After past the limit', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { limit: 2, windowMs: 30_000 });
      const first = await app.inject({ method: 'GET', url: '/api/limited' });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ ok: true, remaining: 1 });
      expect(first.headers['ratelimit-policy']).toBe('"default";q=2;w=30');
      expect(first.headers.ratelimit).toMatch(/^"default";r=1;t=(29|30)$/);
      await app.inject({ method: 'GET', url: '/api/limited' });
      const limited = await app.inject({ method: 'GET', url: '/api/limited' });
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: 'too_many_requests', message: expect.any(String) });
      expect(limited.headers['retry-after']).toMatch(/^(29|30)$/);
      expect(limited.headers.ratelimit).toMatch(/^"default";r=0;t=(29|30)$/);
    });

    test('by default allows 5 requests per 10 s', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const statuses = [];
      for (let i = 0; i < 6; i += 1)
        statuses.push((await app.inject({ method: 'GET', url: '/api/limited' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    });

    test('limits per IP, and per user (x-user-id) on top', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished, { limit: 1 });
      const as = (headers: Record<string, string>, remoteAddress: string) =>
        app.inject({ method: 'GET', url: '/api/limited', headers, remoteAddress });
      expect((await as({ 'x-user-id': 'alice' }, '10.0.0.1')).statusCode).toBe(200);
      expect((await as({ 'x-user-id': 'alice' }, '10.0.0.2')).statusCode).toBe(429);
      expect((await as({ 'x-user-id': 'bob' }, '10.0.0.1')).statusCode).toBe(429);
      expect((await as({}, '10.0.0.3')).statusCode).toBe(200);
      expect((await as({}, '10.0.0.3')).statusCode).toBe(429);
    });

    test('made-up x-user-id values buy no fresh quota: 40 of them from an IP at its limit all get 429', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { limit: 2 });
      for (let i = 0; i < 2; i += 1)
        await app.inject({ method: 'GET', url: '/api/limited', remoteAddress: '10.0.0.7' });
      const statuses = [];
      for (let i = 0; i < 40; i += 1) {
        const headers = { 'x-user-id': `u${i}` };
        statuses.push(
          (await app.inject({ method: 'GET', url: '/api/limited', headers, remoteAddress: '10.0.0.7' })).statusCode,
        );
      }
      expect(statuses).toEqual(Array(40).fill(429));
    });

    test('answers 400 validation_error with details for a malformed x-user-id', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'GET', url: '/api/limited', headers: { 'x-user-id': 'a b' } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: 'validation_error',
        message: expect.any(String),
        details: [{ in: 'headers', path: '/x-user-id', message: expect.any(String) }],
      });
    });

    test.for(['sliding-log', 'token-bucket'] as const)(
      'runs with the %s algorithm when configured',
      async (algorithm, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished, { algorithm, limit: 1 });
        expect((await app.inject({ method: 'GET', url: '/api/limited' })).statusCode).toBe(200);
        expect((await app.inject({ method: 'GET', url: '/api/limited' })).statusCode).toBe(429);
        expect((await keysUnder(redis, prefix)).some((key) => key.includes(algorithm))).toBe(true);
      },
    );
  });

  describe('when Redis is down', () => {
    test('answers 503 redis_unavailable within a second: the limiter fails closed', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      for (const url of [
        '/rate-limit/check?user_id=u1&algorithm=fixed-window',
        '/rate-limit/check?user_id=u1&algorithm=sliding-log',
        '/rate-limit/check?user_id=u1&algorithm=token-bucket',
        '/api/limited',
      ]) {
        await expectUnavailable(app, { method: 'GET', url });
      }
    });

    test('recovers by itself when Redis comes back', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      expect((await app.inject({ method: 'GET', url: '/api/limited' })).statusCode).toBe(503);
      await outage.comeBack();
      await expect
        .poll(async () => (await app.inject({ method: 'GET', url: '/health' })).statusCode, {
          timeout: 5000,
          interval: 100,
        })
        .toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/limited' })).statusCode).toBe(200);
      expect((await check(app, 'user_id=u1&algorithm=token-bucket')).json()).toMatchObject({ allowed: true });
    });
  });

  test('an unknown route answers 404 in the error shape', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });

  describeHealthRoute(startServer);
  describeServerRules(startServer, { method: 'GET', url: '/api/limited' });
  describeOpenApi(startServer, ['GET /rate-limit/check', 'GET /api/limited']);
});
