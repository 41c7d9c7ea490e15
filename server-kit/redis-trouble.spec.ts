/**
 * Redis trouble that is not the app's fault answers 503 `redis_unavailable` with
 * `Retry-After` and `details.reason`, the whole answer within 1 s, and `/health` says why.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { jsonBody } from '../harness/http/json-body.js';
import { REFUSALS, refusingRedis } from '../harness/http/refusing-redis.js';
import type { RedisOutage } from '../harness/outage.js';
import { describe, expect, test } from '../harness/test.js';
import { buildItemsServer } from './spec-support.js';

const json = jsonBody;

/** Sends the request and gives its answer with how long it took, in ms. */
async function timedInject(app: FastifyInstance, request: InjectOptions) {
  const started = performance.now();
  const response = await app.inject(request);
  return { response, ms: performance.now() - started };
}

/** The spec server on a Redis that hangs from now on (it comes back when the test ends). */
async function startHung(outage: RedisOutage, prefix: string, onTestFinished: (fn: () => Promise<void>) => void) {
  const app = await buildItemsServer(outage.redis, prefix);
  onTestFinished(async () => {
    await outage.comeBack();
    await app.close();
  });
  // Connected first: a hang during the handshake is a connection that never came up, not a hung Redis.
  await outage.redis.ping();
  await outage.hang();
  return app;
}

describe('server-kit · Redis trouble', () => {
  describe('a hung Redis (connections open, no reply)', () => {
    test('a route answers 503 redis_unavailable, reason timeout, with Retry-After, within 1000 ms', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const app = await startHung(outage, prefix, onTestFinished);
      for (const request of [
        { method: 'GET', url: '/items/a' },
        { method: 'PUT', url: '/items/a', ...json({ value: 'v' }) },
      ] as const) {
        const { response, ms } = await timedInject(app, request);
        expect(ms, `${request.method} answered after ${Math.round(ms)} ms`).toBeLessThan(1000);
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe('1');
        expect(response.json()).toEqual({
          error: 'redis_unavailable',
          message: expect.any(String),
          details: { reason: 'timeout' },
        });
      }
    });

    test('GET /health answers 503 {status:"degraded", redis:"down", reason:"timeout"} within 1000 ms', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const app = await startHung(outage, prefix, onTestFinished);
      const { response, ms } = await timedInject(app, { method: 'GET', url: '/health' });
      expect(ms, `answered after ${Math.round(ms)} ms`).toBeLessThan(1000);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'degraded', redis: 'down', reason: 'timeout' });
    });
  });

  describe('a Redis that answers but refuses to work for now', () => {
    test.for(Object.entries(REFUSALS))(
      '%s: a route answers 503 redis_unavailable with that reason and Retry-After',
      async ([reason, reply], { redis, prefix, onTestFinished }) => {
        const app = await buildItemsServer(refusingRedis(redis, reply), prefix);
        onTestFinished(() => app.close());
        const response = await app.inject({ method: 'PUT', url: '/items/a', ...json({ value: 'v' }) });
        expect(response.statusCode).toBe(503);
        expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(response.json()).toEqual({
          error: 'redis_unavailable',
          message: expect.any(String),
          details: { reason },
        });
      },
    );

    test.for(Object.entries(REFUSALS))(
      '%s: GET /health answers 503 with that reason',
      async ([reason, reply], { redis, prefix, onTestFinished }) => {
        const app = await buildItemsServer(refusingRedis(redis, reply), prefix);
        onTestFinished(() => app.close());
        const response = await app.inject({ method: 'GET', url: '/health' });
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBeDefined();
        expect(response.json()).toEqual({ status: 'degraded', redis: 'down', reason });
      },
    );

    test('GET /health writes nothing: its probe is SET … XX on a key that never exists', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await buildItemsServer(redis, prefix);
      onTestFinished(() => app.close());
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.json()).toEqual({ status: 'ok', redis: 'up' });
      expect(await redis.exists('kata-health-probe:never-written')).toBe(0);
    });
  });
});
