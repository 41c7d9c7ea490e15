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

/** Builds the kata's server on `redis` under `prefix` (never listening). */
export type StartServer = (redis: RedisAdapter, prefix: string) => Promise<FastifyInstance>;

/** How long a request may take to answer 503 while Redis is down ("within 1 s", plus the test's own overhead). */
export const unavailableWithinMs = 1500;

/** `GET /health`: 200 `{status:"ok", redis:"up"}`, and 503 `{status:"degraded", redis:"down"}` at once when Redis is down. */
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
      expect(response.json()).toEqual({ status: 'degraded', redis: 'down' });
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
  expect(response.json(), label).toMatchObject({ error: 'redis_unavailable' });
}
