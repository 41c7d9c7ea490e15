import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import {
  ALGORITHMS,
  type Algorithm,
  type RateLimiter,
  type RateLimitRule,
  type RouteRateLimitOptions,
} from '../../katas/03-rate-limiter/rate-limit.js';
import { createKataServer, errorResponses, idSchema, type KataLoggerOption } from '../../server-kit/index.js';
import { createLimiter, rateLimitPlugin } from './rate-limit-plugin.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:03-rate-limiter:`. */
  prefix?: string;
  /** The rule of `GET /api/limited`. Default: 5 requests per 10 s, fixed window, per IP, and per user (`x-user-id`) on top. */
  limited?: RouteRateLimitOptions;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/**
 * What one caller can make Redis hold is bounded by these two: a key lives at most one
 * window (1 hour), and a sliding log holds at most `limit` (10,000) entries.
 */
const MAX_LIMIT = 10_000;
const MAX_WINDOW_MS = 3_600_000;

const checkQuerySchema = z.object({
  user_id: idSchema,
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(10).describe('Requests per window (1–10,000)'),
  window: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_WINDOW_MS)
    .default(60_000)
    .describe('The window in milliseconds (1 ms to 1 hour)'),
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
 * The id a check counts under: the user and the rule. Each rule gets its own key, so a
 * caller who sends `window=3600000` for bob cannot block bob's 1-second rule for an hour.
 */
function checkIdFor(userId: string, { limit, windowMs }: RateLimitRule): string {
  return `${userId}:${limit}:${windowMs}`;
}

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
      const rule = { limit, windowMs: window };
      return limiters[algorithm].check(checkIdFor(user_id, rule), rule);
    },
  );

  app.get(
    '/api/limited',
    {
      onRequest: app.rateLimit(),
      schema: {
        summary:
          'A rate-limited route: per IP, and per user (x-user-id) on top; 429 with Retry-After when over the limit',
        tags: ['rate limit'],
        headers: z.looseObject({
          'x-user-id': idSchema.optional().describe('A user to count against too, on top of the client IP'),
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
