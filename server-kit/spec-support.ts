/**
 * A minimal kata server for server-kit's own specs: `createKataServer` plus two routes on
 * Redis (`PUT /items/:id`, `GET /items/:id`) and one that fails with a bug (`GET /bug`).
 */
import { z } from 'zod';
import type { RedisAdapter } from '../adapters/redis-adapter.js';
import { createKataServer, type KataServerOptions } from './create-kata-server.js';
import { errorResponses } from './error-body.js';
import { NotFoundError } from './http-errors.js';
import { idSchema } from './id-schema.js';

export async function buildItemsServer(redis: RedisAdapter, prefix: string, options: Partial<KataServerOptions> = {}) {
  const app = await createKataServer({ redis, title: 'items', description: 'server-kit spec server', ...options });
  const item = z.object({ id: z.string(), value: z.string() });
  const longKey = z.string().regex(/^[a-z0-9]{1,200}$/);

  app.put(
    '/items/:id',
    {
      schema: {
        params: z.object({ id: longKey }),
        body: z.object({ value: z.string().max(100) }),
        response: { 200: item, ...errorResponses(400) },
      },
    },
    async (request) => {
      await redis.set(`${prefix}item:${request.params.id}`, request.body.value, { ex: 60 });
      return { id: request.params.id, value: request.body.value };
    },
  );

  app.get(
    '/items/:id',
    { schema: { params: z.object({ id: longKey }), response: { 200: item, ...errorResponses(400, 404) } } },
    async (request) => {
      const value = await redis.get(`${prefix}item:${request.params.id}`);
      if (value === null) throw new NotFoundError(`No item "${request.params.id}".`);
      return { id: request.params.id, value };
    },
  );

  app.get('/users/:id', { schema: { params: z.object({ id: idSchema }) } }, async (request) => ({
    id: request.params.id,
  }));

  app.get('/bug', async () => {
    throw new Error(`A bug in ${import.meta.url}`);
  });
  return app;
}
