/**
 * What every kata server answers the same way (server-kit/SERVER-RULES.md), as
 * spec blocks a kata's `server.spec.ts` calls, so each kata states the shared contract in
 * one line and spends its own specs on its own routes.
 *
 *   describeHealthRoute((redis, prefix) => buildServer({ redis, prefix }));
 *   describeOpenApi((redis, prefix) => buildServer({ redis, prefix }), ['GET /users/{id}', …]);
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { describe, expect, test } from '../test.js';
import { REFUSALS, refusingRedis } from './refusing-redis.js';

/** Builds the kata's server on `redis` under `prefix` (never listening). */
export type StartServer = (redis: RedisAdapter, prefix: string) => Promise<FastifyInstance>;

/** How long a request may take to answer 503 while Redis is down ("within 1 s", plus the test's own overhead). */
export const unavailableWithinMs = 1500;

/** How long a request may take to answer 503 while Redis hangs: the promise is "within 1 s", the route deadline is 800 ms. */
export const hungWithinMs = 1000;

/** `GET /health`: 200 `{status:"ok", redis:"up"}`, and 503 `{status:"degraded", redis:"down", reason}` at once when Redis is down. */
export function describeHealthRoute(start: StartServer): void {
  describe('GET /health', () => {
    test('answers 200 {status:"ok", redis:"up"}', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix);
      onTestFinished(() => app.close());
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', redis: 'up' });
    });

    test('answers 503 {status:"degraded", redis:"down"} while Redis is down', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(outage.redis, prefix);
      onTestFinished(() => app.close());
      await outage.goDown();
      const started = performance.now();
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(performance.now() - started).toBeLessThan(unavailableWithinMs);
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      expect(response.json()).toEqual({ status: 'degraded', redis: 'down', reason: expect.any(String) });
    });
  });
}

/** `GET /docs/json` (OpenAPI 3) lists `routes` and `/health`; `GET /docs` serves Swagger UI. */
export function describeOpenApi(start: StartServer, routes: string[]): void {
  describe('OpenAPI', () => {
    test('/docs/json lists every route', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix);
      onTestFinished(() => app.close());
      const response = await app.inject({ method: 'GET', url: '/docs/json' });
      expect(response.statusCode).toBe(200);
      const spec = response.json();
      expect(spec.openapi).toMatch(/^3\./);
      const documented = Object.entries(spec.paths as Record<string, object>).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(documented).toEqual(expect.arrayContaining([...routes, 'GET /health']));
    });

    test('/docs serves the Swagger UI page', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix);
      onTestFinished(() => app.close());
      const response = await app.inject({ method: 'GET', url: '/docs' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('swagger');
    });
  });
}

/** Sends `request` to a server whose Redis is down: it must answer 503 `redis_unavailable`, in time. */
export async function expectUnavailable(app: FastifyInstance, request: InjectOptions): Promise<void> {
  const started = performance.now();
  const response = await app.inject(request);
  const label = `${request.method ?? 'GET'} ${request.url}`;
  expect(performance.now() - started, label).toBeLessThan(unavailableWithinMs);
  expect(response.statusCode, label).toBe(503);
  expect(response.headers['retry-after'], `${label}: Retry-After`).toMatch(/^[1-9]\d*$/);
  expect(response.json(), label).toMatchObject({ error: 'redis_unavailable' });
}

/**
 * The server-wide rules of server-kit/SERVER-RULES.md that every kata server inherits from
 * `createKataServer`, checked on this kata's own server. `touchesRedis` is a request of the
 * kata that reads or writes Redis (e.g. `{ method: 'GET', url: '/users/u1' }`).
 */
export function describeServerRules(start: StartServer, touchesRedis: InjectOptions): void {
  const label = `${touchesRedis.method ?? 'GET'} ${touchesRedis.url}`;

  describe('server-wide rules (SERVER-RULES.md)', () => {
    test(`while Redis hangs, ${label} and /health answer 503 within ${hungWithinMs} ms`, async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(outage.redis, prefix);
      onTestFinished(async () => {
        await outage.comeBack();
        await app.close();
      });
      await outage.redis.ping(); // connected first: then the hang is a hung Redis, not a failed handshake
      await outage.hang();
      for (const request of [touchesRedis, { method: 'GET' as const, url: '/health' }]) {
        const started = performance.now();
        const response = await app.inject(request);
        const ms = Math.round(performance.now() - started);
        expect(ms, `${request.url} answered after ${ms} ms`).toBeLessThan(hungWithinMs);
        expect(response.statusCode, String(request.url)).toBe(503);
        expect(response.headers['retry-after'], String(request.url)).toBeDefined();
      }
    });

    test(`while Redis is out of memory, ${label} answers 503 redis_unavailable (reason oom) and /health says so`, async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(refusingRedis(redis, REFUSALS.oom), prefix);
      onTestFinished(() => app.close());
      const response = await app.inject(touchesRedis);
      expect(response.statusCode, label).toBe(503);
      expect(response.headers['retry-after'], label).toBeDefined();
      expect(response.json()).toEqual({
        error: 'redis_unavailable',
        message: expect.any(String),
        details: { reason: 'oom' },
      });
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.json()).toEqual({ status: 'degraded', redis: 'down', reason: 'oom' });
    });

    test("Fastify's own errors answer {error, message} with a stable code", async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix);
      onTestFinished(() => app.close());
      const badUrl = await app.inject({ method: 'GET', url: '/%E0%A4%A' });
      expect(badUrl.statusCode).toBe(400);
      expect(badUrl.json()).toEqual({ error: 'bad_url', message: expect.any(String) });
      const unknown = await app.inject({ method: 'GET', url: '/no/such/route' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual({ error: 'not_found', message: expect.any(String) });
    });

    test('slow requests are cut off: request, header, idle and keep-alive timeouts are set', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix);
      onTestFinished(() => app.close());
      for (const [name, ms] of Object.entries({
        requestTimeout: app.server.requestTimeout,
        headersTimeout: app.server.headersTimeout,
        idle: app.server.timeout,
        keepAliveTimeout: app.server.keepAliveTimeout,
      })) {
        expect(ms, `${name} in ms`).toBeGreaterThan(0);
        expect(ms, `${name} in ms`).toBeLessThanOrEqual(30_000);
      }
    });
  });
}
