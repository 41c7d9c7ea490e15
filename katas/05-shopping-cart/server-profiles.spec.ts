import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { CATALOGUE } from './catalogue.js';
import { buildServer } from './server.js';

async function start(redis: RedisAdapter, prefix: string, onTestFinished: (fn: () => Promise<void>) => void) {
  const app = await buildServer({ redis, prefix });
  onTestFinished(() => app.close());
  return app;
}

const postUser = (app: FastifyInstance, body: unknown) =>
  app.inject({ method: 'POST', url: '/users', payload: body as Record<string, unknown> });

const ada = { userId: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', age: 36, vip: true, zip: '01234' };

describe('step 7 · server', () => {
  test('GET /catalogue answers every product: [{sku, name, priceCents}]', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    const response = await app.inject({ method: 'GET', url: '/catalogue' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(CATALOGUE);
  });

  describe('users', () => {
    test('POST /users answers 201 with the profile; GET /users/:userId gives it back, types kept', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const created = await postUser(app, ada);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual(ada);
      const read = await app.inject({ method: 'GET', url: '/users/ada' });
      expect(read.statusCode).toBe(200);
      expect(read.json(), 'numbers stay numbers, booleans booleans, "01234" a string').toEqual(ada);
    });

    test('the profile is a hash under <prefix>user:<userId>', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      await postUser(app, ada);
      expect(await redis.type(`${prefix}user:ada`)).toBe('hash');
      expect(await redis.hLen(`${prefix}user:ada`)).toBe(Object.keys(ada).length);
    });

    test('POST /users again replaces the profile: fields left out are gone', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await postUser(app, ada);
      await postUser(app, { userId: 'ada', name: 'Ada King', email: 'ada@example.com' });
      expect((await app.inject({ method: 'GET', url: '/users/ada' })).json()).toEqual({
        userId: 'ada',
        name: 'Ada King',
        email: 'ada@example.com',
      });
    });

    test('GET and DELETE of an unknown user answer 404 not_found; DELETE answers 204 and removes it', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      expect((await app.inject({ method: 'GET', url: '/users/nobody' })).json()).toMatchObject({ error: 'not_found' });
      await postUser(app, ada);
      expect((await app.inject({ method: 'DELETE', url: '/users/ada' })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/users/ada' })).statusCode).toBe(404);
      const again = await app.inject({ method: 'DELETE', url: '/users/ada' });
      expect(again.statusCode).toBe(404);
      expect(again.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
    });

    test.for([
      { input: 'a missing userId', body: { name: 'A', email: 'a@example.com' } },
      { input: 'a malformed userId', body: { ...ada, userId: 'not valid' } },
      { input: 'a missing email', body: { userId: 'ada', name: 'A' } },
      { input: 'an email that is not one', body: { ...ada, email: 'nope' } },
      { input: 'an empty name', body: { ...ada, name: '' } },
      { input: 'a null field', body: { ...ada, nickname: null } },
      { input: 'a nested object', body: { ...ada, address: { city: 'London' } } },
      { input: 'an array', body: { ...ada, tags: ['a'] } },
      {
        input: 'too many fields',
        body: { ...ada, ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i])) },
      },
    ])(
      'POST /users with $input answers 400 and writes nothing',
      async ({ body }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await postUser(app, body);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error', message: expect.any(String) });
        expect(await keysUnder(redis, prefix), 'keys written').toEqual([]);
      },
    );

    test('a body with a __proto__ key answers 400 (Fastify refuses it, against prototype pollution) and writes nothing', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({
        method: 'POST',
        url: '/users',
        headers: { 'content-type': 'application/json' },
        payload: '{"userId":"ada","name":"A","email":"a@example.com","__proto__":"x"}',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });

    test('a malformed userId in the URL answers 400 validation_error', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const method of ['GET', 'DELETE'] as const) {
        const response = await app.inject({ method, url: `/users/${'a'.repeat(65)}` });
        expect(response.statusCode, method).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error' });
      }
    });
  });
});
