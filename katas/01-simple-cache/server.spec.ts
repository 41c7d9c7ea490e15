import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { jsonBody } from '../../harness/http/json-body.js';
import {
  describeHealthRoute,
  describeOpenApi,
  describeServerRules,
  expectUnavailable,
  type StartServer,
} from '../../harness/http/kata-server-contract.js';
import { countExisting, keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { buildServer } from './server.js';
import { createUserSource, type UserSource } from './user-source.js';

/** A server on a fast source (20 ms), closed when the test ends. Built inside each test, so each fails on its own. */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
): Promise<{ app: FastifyInstance; source: UserSource }> {
  const source = createUserSource({ latencyMs: 20 });
  const app = await buildServer({ redis, prefix, source });
  onTestFinished(() => app.close());
  return { app, source };
}

const json = jsonBody;

/** The server as the shared contract specs build it. */
const startServer: StartServer = (redis, prefix) =>
  buildServer({ redis, prefix, source: createUserSource({ latencyMs: 20 }) });

describe('step 7 · server', () => {
  describe('POST /cache', () => {
    test('stores a value and answers 201 with key, value and ttl', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({
        method: 'POST',
        url: '/cache',
        ...json({ key: 'greeting', value: 'hello', ttl: 60 }),
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ key: 'greeting', value: 'hello', ttl: 60 });
      expect(await redis.get(`${prefix}{cache}:greeting`)).toBe('hello');
      expect(await redis.ttl(`${prefix}{cache}:greeting`)).toBeGreaterThan(50);
    });

    test('uses a TTL of 300 s when ttl is left out', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({
        method: 'POST',
        url: '/cache',
        ...json({ key: 'greeting', value: 'hello' }),
      });
      expect(response.json()).toEqual({ key: 'greeting', value: 'hello', ttl: 300 });
      expect(await redis.ttl(`${prefix}{cache}:greeting`)).toBeGreaterThan(290);
    });

    test.for([
      { input: 'a ttl of 0', body: { key: 'greeting', value: 'hello', ttl: 0 } },
      { input: 'a ttl that is not an integer', body: { key: 'greeting', value: 'hello', ttl: 1.5 } },
      { input: 'a ttl given as text', body: { key: 'greeting', value: 'hello', ttl: '60' } },
      { input: 'a missing value', body: { key: 'greeting' } },
      { input: 'a value that is not a string', body: { key: 'greeting', value: 42 } },
      { input: 'a key with a space', body: { key: 'hello there', value: 'hello' } },
      { input: 'an empty key', body: { key: '', value: 'hello' } },
      { input: 'the key stats, which GET /cache/stats would shadow', body: { key: 'stats', value: 'hello' } },
      { input: 'a value with a lone surrogate', body: { key: 'greeting', value: 'a\ud800b' } },
    ])(
      'answers 400 validation_error for $input and writes nothing',
      async ({ body }, { redis, prefix, onTestFinished }) => {
        const { app } = await start(redis, prefix, onTestFinished);
        const response = await app.inject({ method: 'POST', url: '/cache', ...json(body) });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error', message: expect.any(String) });
        const written = ['{cache}:greeting', '{cache}:hello there', 'stats'].map((key) => `${prefix}${key}`);
        expect(await countExisting(redis, written)).toBe(0);
      },
    );

    test('answers 400 for a body that is not JSON', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({
        method: 'POST',
        url: '/cache',
        payload: '{"key": "greeting",',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    });
  });

  describe('GET /cache/:key', () => {
    test('answers 200 with the value and the seconds it has left', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'hello', ttl: 90 }) });
      const response = await app.inject({ method: 'GET', url: '/cache/greeting' });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ key: 'greeting', value: 'hello' });
      expect(body.ttl).toBeGreaterThan(85);
      expect(body.ttl).toBeLessThanOrEqual(90);
    });

    test('reads back a 200-character key that POST /cache accepted', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const key = `k${'e'.repeat(199)}`;
      expect((await app.inject({ method: 'POST', url: '/cache', ...json({ key, value: 'long' }) })).statusCode).toBe(
        201,
      );
      const response = await app.inject({ method: 'GET', url: `/cache/${key}` });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ key, value: 'long' });
    });

    test('answers 404 not_found for a key never set', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'GET', url: '/cache/nothing-here' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    });

    test('answers 404 once the entry has expired', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      // 600 ms: the GET right after falls inside it even on a busy machine.
      await redis.set(`${prefix}{cache}:flash`, 'gone soon', { px: 600 });
      expect((await app.inject({ method: 'GET', url: '/cache/flash' })).statusCode, 'status before expiry').toBe(200);
      await expect
        .poll(async () => (await app.inject({ method: 'GET', url: '/cache/flash' })).statusCode, { timeout: 5_000 })
        .toBe(404);
    });

    test('answers 400 for a key with characters outside the allowed set', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'GET', url: '/cache/not%20valid' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'validation_error' });
    });
  });

  describe('DELETE /cache/:key', () => {
    test('answers 204 and the key is gone', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'hello' }) });
      const response = await app.inject({ method: 'DELETE', url: '/cache/greeting' });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect((await app.inject({ method: 'GET', url: '/cache/greeting' })).statusCode).toBe(404);
    });

    test('answers 404 for a key never set', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'DELETE', url: '/cache/nothing-here' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    });
  });

  describe('GET /cache?pattern=', () => {
    test('lists the keys matching the pattern', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      for (const key of ['user:1', 'user:2', 'greeting']) {
        await app.inject({ method: 'POST', url: '/cache', ...json({ key, value: 'v' }) });
      }
      const response = await app.inject({ method: 'GET', url: '/cache?pattern=user:*' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ pattern: 'user:*', keys: ['user:1', 'user:2'] });
    });

    test('lists every key of the cache without a pattern, and nothing outside it', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await redis.set(`${prefix}other:greeting`, 'not the cache’s');
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'v' }) });
      const response = await app.inject({ method: 'GET', url: '/cache' });
      expect(response.json()).toEqual({ pattern: '*', keys: ['greeting'] });
    });
  });

  describe('GET /users/:id', () => {
    test('answers the user with x-cache MISS, then HIT', async ({ redis, prefix, onTestFinished }) => {
      const { app, source } = await start(redis, prefix, onTestFinished);
      const first = await app.inject({ method: 'GET', url: '/users/u1' });
      const second = await app.inject({ method: 'GET', url: '/users/u1' });
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-cache']).toBe('MISS');
      expect(first.json()).toMatchObject({ id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com' });
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.json()).toEqual(first.json());
      expect(source.reads).toBe(1);
    });

    test('reads the slow source once for many concurrent requests', async ({ redis, prefix, onTestFinished }) => {
      const { app, source } = await start(redis, prefix, onTestFinished);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => app.inject({ method: 'GET', url: '/users/u2' })),
      );
      expect(responses.map((response) => response.statusCode)).toEqual(Array(10).fill(200));
      expect(source.reads).toBe(1);
    });

    test('answers 400 for a malformed id without reaching the source', async ({ redis, prefix, onTestFinished }) => {
      const { app, source } = await start(redis, prefix, onTestFinished);
      for (const id of ['not%20valid', 'dot.ted', 'x'.repeat(65)]) {
        const response = await app.inject({ method: 'GET', url: `/users/${id}` });
        expect(response.statusCode, id).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error' });
      }
      expect(source.reads).toBe(0);
    });

    test('answers 404 for a well-formed unknown id', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'GET', url: '/users/nobody' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    });

    test('POST /cache cannot reach the users cache: a value stored as user:u1 changes nothing', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'GET', url: '/users/u1' });
      const fake = JSON.stringify({ id: 'u1', name: 'Mallory', email: 'evil@example.com', updatedAt: 'x' });
      for (const value of ['not json', fake]) {
        await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'user:u1', value }) });
        const response = await app.inject({ method: 'GET', url: '/users/u1' });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({ id: 'u1', name: 'Ada Lovelace' });
      }
    });

    test.for([
      { what: 'text that is not JSON', cached: 'not json' },
      { what: 'JSON that is not a user', cached: '{"id":1}' },
      { what: 'an array', cached: '[]' },
      { what: 'a JSON string', cached: '"<script>alert(1)</script>"' },
    ])(
      'a cached value that is $what is a miss: dropped, read again from the source, never a 500',
      async ({ cached }, { redis, prefix, onTestFinished }) => {
        const { app, source } = await start(redis, prefix, onTestFinished);
        await redis.set(`${prefix}users:user:u1`, cached, { ex: 60 });
        const response = await app.inject({ method: 'GET', url: '/users/u1' });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toMatch(/application\/json/);
        expect(response.headers['x-cache']).toBe('MISS');
        expect(response.json()).toMatchObject({ id: 'u1', name: 'Ada Lovelace' });
        expect(source.reads).toBe(1);
        expect(JSON.parse((await redis.get(`${prefix}users:user:u1`)) ?? 'null')).toMatchObject({ id: 'u1' });
      },
    );

    test('answers a repeated unknown id from the negative cache', async ({ redis, prefix, onTestFinished }) => {
      const { app, source } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'GET', url: '/users/nobody' });
      const again = await app.inject({ method: 'GET', url: '/users/nobody' });
      expect(again.statusCode).toBe(404);
      expect(again.headers['x-cache']).toBe('HIT');
      expect(source.reads).toBe(1);
    });
  });

  describe('PUT /users/:id', () => {
    test('updates the source and the cache: the next GET is a HIT with the change', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app, source } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'GET', url: '/users/u1' });
      const put = await app.inject({ method: 'PUT', url: '/users/u1', ...json({ name: 'Augusta Ada King' }) });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ id: 'u1', name: 'Augusta Ada King', email: 'ada@example.com' });
      const get = await app.inject({ method: 'GET', url: '/users/u1' });
      expect(get.headers['x-cache']).toBe('HIT');
      expect(get.json()).toEqual(put.json());
      expect((await source.get('u1'))?.name).toBe('Augusta Ada King');
    });

    test('answers 404 for a well-formed unknown id', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'PUT', url: '/users/nobody', ...json({ name: 'No One' }) });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    });

    test.for([
      { input: 'an invalid email', body: { email: 'not-an-email' } },
      { input: 'an empty name', body: { name: '' } },
      { input: 'no change at all', body: {} },
    ])('answers 400 for $input and changes nothing', async ({ body }, { redis, prefix, onTestFinished }) => {
      const { app, source } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'PUT', url: '/users/u3', ...json(body) });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'validation_error' });
      expect(await source.get('u3')).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.com' });
      expect(await redis.exists(`${prefix}users:user:u3`)).toBe(0);
    });

    test('answers 400 for a malformed id', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'PUT', url: '/users/dot.ted', ...json({ name: 'Dot' }) });
      expect(response.statusCode).toBe(400);
    });
  });

  describe('cost per request', () => {
    test('GET /cache and GET /cache/stats never SCAN the keyspace: they read the entry index', async ({
      redis,
      prefix,
      commandLog,
      onTestFinished,
    }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'hello' }) });
      commandLog.clear();
      expect((await app.inject({ method: 'GET', url: '/cache?pattern=gr*' })).json().keys).toEqual(['greeting']);
      expect((await app.inject({ method: 'GET', url: '/cache/stats' })).json().keys).toBe(1);
      const sent = commandLog.commands.map((command) => command[0]?.toUpperCase());
      expect(sent).not.toContain('SCAN');
      expect(sent).not.toContain('KEYS');
    });

    test('expired and deleted entries leave the listing and the count', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      for (const key of ['a', 'b', 'c'])
        await app.inject({ method: 'POST', url: '/cache', ...json({ key, value: 'v', ttl: 1 }) });
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'kept', value: 'v' }) });
      await app.inject({ method: 'DELETE', url: '/cache/a' });
      expect((await app.inject({ method: 'GET', url: '/cache' })).json().keys).toEqual(['b', 'c', 'kept']);
      await expect
        .poll(async () => (await app.inject({ method: 'GET', url: '/cache/stats' })).json().keys, { timeout: 2500 })
        .toBe(1);
      expect((await app.inject({ method: 'GET', url: '/cache' })).json().keys).toEqual(['kept']);
    });

    test('every key the cache API writes has a TTL, the index included', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'hello', ttl: 60 }) });
      const keys = await keysUnder(redis, prefix);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      for (const key of keys) expect(await redis.ttl(key), key).toBeGreaterThan(0);
    });
  });

  describe('GET /cache/stats', () => {
    test('counts hits and misses of user reads, and the entries of POST /cache', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'GET', url: '/users/u1' });
      await app.inject({ method: 'GET', url: '/users/u1' });
      await app.inject({ method: 'GET', url: '/users/u1' });
      await app.inject({ method: 'GET', url: '/users/u2' });
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'hello' }) });
      const response = await app.inject({ method: 'GET', url: '/cache/stats' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ hits: 2, misses: 2, hitRate: 0.5, keys: 1 });
    });

    test('a second server on the same Redis and prefix sees the same stats', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const { app: other } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'GET', url: '/users/u1' });
      await other.inject({ method: 'GET', url: '/users/u1' });
      const response = await other.inject({ method: 'GET', url: '/cache/stats' });
      expect(response.json()).toMatchObject({ hits: 1, misses: 1, hitRate: 0.5 });
    });
  });

  describe('POST /cache/clear', () => {
    test('deletes the keys matching the pattern and answers how many', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      for (const key of ['user:1', 'user:2', 'greeting']) {
        await app.inject({ method: 'POST', url: '/cache', ...json({ key, value: 'v' }) });
      }
      const response = await app.inject({ method: 'POST', url: '/cache/clear', ...json({ pattern: 'user:*' }) });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ deleted: 2 });
      expect((await app.inject({ method: 'GET', url: '/cache/user:1' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/cache/greeting' })).statusCode).toBe(200);
    });

    test('never deletes keys outside the cache namespace: the users cache and the stats stay', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'GET', url: '/users/u1' });
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'hello' }) });
      await redis.set(`${prefix}other:user:1`, 'a neighbour');
      const response = await app.inject({ method: 'POST', url: '/cache/clear', ...json({ pattern: '*' }) });
      expect(response.json()).toEqual({ deleted: 1 });
      expect(await redis.get(`${prefix}other:user:1`)).toBe('a neighbour');
      expect((await app.inject({ method: 'GET', url: '/cache/stats' })).json()).toMatchObject({ misses: 1, keys: 0 });
      expect((await app.inject({ method: 'GET', url: '/users/u1' })).headers['x-cache']).toBe('HIT');
    });

    test('answers 400 without a pattern', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      await app.inject({ method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'hello' }) });
      const response = await app.inject({ method: 'POST', url: '/cache/clear', ...json({}) });
      expect(response.statusCode).toBe(400);
      expect(await redis.exists(`${prefix}{cache}:greeting`)).toBe(1);
    });
  });

  describe('POST /cache/warm', () => {
    test('warms the given ids: their first GET is a HIT', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({
        method: 'POST',
        url: '/cache/warm',
        ...json({ ids: ['u1', 'u2', 'nobody'] }),
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ warmed: 2 });
      expect((await app.inject({ method: 'GET', url: '/users/u2' })).headers['x-cache']).toBe('HIT');
    });

    test('warms every user when no ids are given', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'POST', url: '/cache/warm' });
      expect(response.json()).toEqual({ warmed: 5 });
      expect(await keysUnder(redis, `${prefix}users:`)).toHaveLength(5);
    });

    test('answers 400 for a malformed id and warms nothing', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'POST', url: '/cache/warm', ...json({ ids: ['u1', 'bad id'] }) });
      expect(response.statusCode).toBe(400);
      expect(await redis.exists(`${prefix}users:user:u1`)).toBe(0);
    });

    test('warms an id sent 1,000 times once: one source read, warmed 1', async ({ redis, prefix, onTestFinished }) => {
      const { app, source } = await start(redis, prefix, onTestFinished);
      const response = await app.inject({
        method: 'POST',
        url: '/cache/warm',
        ...json({ ids: Array(1000).fill('u1') }),
      });
      expect(response.json()).toEqual({ warmed: 1 });
      expect(source.reads).toBe(1);
    });
  });

  describe('when Redis is down', () => {
    test('answers 503 redis_unavailable within a second', async ({ outage, prefix, onTestFinished }) => {
      const { app } = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      for (const request of [
        { method: 'GET', url: '/cache/greeting' },
        { method: 'GET', url: '/users/u1' },
        { method: 'POST', url: '/cache', ...json({ key: 'greeting', value: 'hello' }) },
      ] as const) {
        await expectUnavailable(app, request);
      }
    });

    test('recovers by itself when Redis comes back', async ({ outage, prefix, onTestFinished }) => {
      const { app } = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      expect((await app.inject({ method: 'GET', url: '/users/u1' })).statusCode).toBe(503);
      await outage.comeBack();
      await expect
        .poll(async () => (await app.inject({ method: 'GET', url: '/health' })).statusCode, {
          timeout: 5000,
          interval: 100,
        })
        .toBe(200);
      const response = await app.inject({ method: 'GET', url: '/users/u1' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: 'u1' });
    });
  });

  test('an unknown route answers 404 in the error shape', async ({ redis, prefix, onTestFinished }) => {
    const { app } = await start(redis, prefix, onTestFinished);
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });

  describeHealthRoute(startServer);
  describeServerRules(startServer, { method: 'GET', url: '/users/u1' });
  describeOpenApi(startServer, [
    'POST /cache',
    'GET /cache',
    'GET /cache/{key}',
    'DELETE /cache/{key}',
    'GET /cache/stats',
    'POST /cache/clear',
    'POST /cache/warm',
    'GET /users/{id}',
    'PUT /users/{id}',
  ]);
});
