import fp from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RedisAdapter } from '../adapters/redis-adapter.js';
import { pingRedis } from './ping-redis.js';

export interface HealthOptions {
  redis: RedisAdapter;
  /** How long PING may take before Redis counts as down. Default 900 ms. */
  timeoutMs?: number;
}

const upSchema = z.object({ status: z.literal('ok'), redis: z.literal('up') });
const downSchema = z.object({ status: z.literal('degraded'), redis: z.literal('down') });

/** `GET /health`: 200 `{status:"ok", redis:"up"}`, or 503 `{status:"degraded", redis:"down"}`. */
const health: FastifyPluginAsyncZod<HealthOptions> = async (app, { redis, timeoutMs }) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Is the server up, and can it reach Redis?',
        tags: ['health'],
        response: { 200: upSchema.describe('Redis answers PING'), 503: downSchema.describe('Redis does not answer') },
      },
    },
    async (_request, reply) => {
      if (await pingRedis(redis, timeoutMs)) return reply.code(200).send({ status: 'ok', redis: 'up' });
      return reply.code(503).send({ status: 'degraded', redis: 'down' });
    },
  );
};

export const healthPlugin = fp(health, { name: 'kata-health', fastify: '5.x' });
