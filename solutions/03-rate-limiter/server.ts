import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import {
  ALGORITHMS,
  type Algorithm,
  type RateLimiter,
  type RouteRateLimitOptions,
} from '../../katas/03-rate-limiter/rate-limit.js';
import { createKataServer, errorResponses, idSchema, type KataLoggerOption } from '../../server-kit/index.js';
import { createLimiter, rateLimitPlugin } from './rate-limit-plugin.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:03-rate-limiter:`. */
  prefix?: string;
  /** The rule of `GET /api/limited`. Default: 5 requests per 10 s, fixed window, per user (`x-user-id`), else per IP. */
  limited?: RouteRateLimitOptions;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

const checkQuerySchema = z.object({
  user_id: idSchema,
  limit: z.coerce.number().int().min(1).max(1_000_000).default(10).describe('Requests per window (1–1,000,000)'),
  window: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400_000)
    .default(60_000)
    .describe('The window in milliseconds (1 ms to 1 day)'),
  algorithm: z.enum(ALGORITHMS).default('fixed-window'),
});

const resultSchema = z.object({
  allowed: z.boolean(),
  count: z.number().int().describe('Requests counted in the window (or tokens in use), this one included'),
  limit: z.number().int(),
  remaining: z.number().int(),
  resetMs: z.number().int().describe('Milliseconds until remaining goes up again'),
});

/**
 * The kata's HTTP service: `GET /rate-limit/check` runs one check of any algorithm and
 * says what it decided; `GET /api/limited` is a route behind the rate-limit plugin.
 * Never listens by itself: `app.inject()` in tests, `pnpm kata serve 03` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { redis, prefix = 'kata:03-rate-limiter:' } = options;
  // One limiter per algorithm, each under its own namespace: a user's fixed-window counter
  // and token bucket never share a key.
  const limiters = Object.fromEntries(
    ALGORITHMS.map((algorithm) => [
      algorithm,
      createLimiter(algorithm, { redis, namespace: `${prefix}check:${algorithm}:` }),
    ]),
  ) as Record<Algorithm, RateLimiter>;

  const app = await createKataServer({
    redis,
    title: '03 · rate limiter',
    description: 'Fixed window, sliding-window log and token bucket rate limits in Redis, and a Fastify plugin.',
    logger: options.logger,
  });
  await app.register(rateLimitPlugin, {
    redis,
    namespace: `${prefix}api:`,
    limit: 5,
    windowMs: 10_000,
    algorithm: 'fixed-window',
    by: 'user',
    ...options.limited,
  });

  app.get(
    '/rate-limit/check',
    {
      schema: {
        summary: 'Count one request of user_id against limit per window, with the chosen algorithm',
        tags: ['rate limit'],
        querystring: checkQuerySchema,
        response: { 200: resultSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { user_id, limit, window, algorithm } = request.query;
      return limiters[algorithm].check(user_id, { limit, windowMs: window });
    },
  );

  app.get(
    '/api/limited',
    {
      onRequest: app.rateLimit(),
      schema: {
        summary: 'A rate-limited route: per user (x-user-id) or per IP; 429 with Retry-After when over the limit',
        tags: ['rate limit'],
        headers: z.looseObject({
          'x-user-id': idSchema.optional().describe('Who to count against; without it, the client IP'),
        }),
        response: {
          200: z.object({ ok: z.literal(true), remaining: z.number().int() }),
          ...errorResponses(400, 429),
        },
      },
    },
    async (request) => ({ ok: true as const, remaining: request.rateLimit?.remaining ?? 0 }),
  );

  return app;
}
