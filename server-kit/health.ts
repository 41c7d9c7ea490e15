import fp from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RedisAdapter } from '../adapters/redis-adapter.js';
import { probeRedis } from './probe-redis.js';
import { REDIS_TROUBLE_REASONS, redisTrouble } from './redis-trouble.js';

export interface HealthOptions {
  redis: RedisAdapter;
  /** How long the probe may take before Redis counts as down. Default 700 ms. */
  timeoutMs?: number;
}

const upSchema = z.object({ status: z.literal('ok'), redis: z.literal('up') });
const downSchema = z.object({
  status: z.literal('degraded'),
  redis: z.literal('down'),
  reason: z.enum(REDIS_TROUBLE_REASONS).describe(`Why: ${REDIS_TROUBLE_REASONS.join(', ')}`),
});

/**
 * `GET /health`: 200 `{status:"ok", redis:"up"}` when Redis would take a write now, else
 * 503 `{status:"degraded", redis:"down", reason}` with `Retry-After`. It probes with a write
 * that writes nothing (probe-redis.ts), so out of memory or a read-only replica shows here
 * too, not only a dead connection.
 */
const health: FastifyPluginAsyncZod<HealthOptions> = async (app, { redis, timeoutMs }) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Is the server up, and would Redis take a write now?',
        tags: ['health'],
        response: {
          200: upSchema.describe('Redis takes writes'),
          503: downSchema.describe('Redis is unreachable, too slow, or refuses writes for now'),
        },
      },
    },
    async (_request, reply) => {
      const health = await probeRedis(redis, timeoutMs);
      if (health.up) return reply.code(200).send({ status: 'ok', redis: 'up' });
      reply.header('retry-after', String(redisTrouble(health.reason).retryAfterSeconds));
      return reply.code(503).send({ status: 'degraded', redis: 'down', reason: health.reason });
    },
  );
};

export const healthPlugin = fp(health, { name: 'kata-health', fastify: '5.x' });
