import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import {
  describeHealthRoute,
  describeOpenApi,
  describeServerRules,
  expectUnavailable,
  type StartServer,
} from '../../harness/http/kata-server-contract.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { buildServer, type ServerOptions } from './server.js';

type Extra = Omit<ServerOptions, 'redis' | 'prefix'>;

/** A server, closed when the test ends. No workers unless a test asks: `/next` is then the only consumer. */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
  extra: Extra = {},
): Promise<FastifyInstance> {
  const app = await buildServer({ redis, prefix, workers: 0, blockSeconds: 0.1, sweepIntervalMs: 50, ...extra });
  onTestFinished(() => app.close());
  return app;
}

const enqueue = (app: FastifyInstance, body: object) =>
  app.inject({ method: 'POST', url: '/queue/tasks', payload: body });
const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url });
const taskState = async (app: FastifyInstance, id: string) => (await get(app, `/queue/tasks/${id}`)).json();

const startServer: StartServer = (redis, prefix) => buildServer({ redis, prefix, workers: 0 });

describe('step 7 · server', () => {
  describe('POST /queue/tasks', () => {
    test('answers 201 {id}; the task waits, with its title, priority, payload and 0 attempts', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await enqueue(app, { title: 'Send invoice', priority: 'high', payload: { durationMs: 5 } });
      expect(response.statusCode).toBe(201);
      const { id } = response.json();
      expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(await taskState(app, id)).toEqual({
        id,
        title: 'Send invoice',
        priority: 'high',
        payload: { durationMs: 5 },
        state: 'waiting',
        attempts: 0,
      });
    });

    test.for([
      ['no title', { priority: 'normal' }],
      ['an empty title', { title: '', priority: 'normal' }],
      ['a title of 201 characters', { title: 'x'.repeat(201), priority: 'normal' }],
      ['no priority', { title: 't' }],
      ['an unknown priority', { title: 't', priority: 'urgent' }],
      ['durationMs over 10 000', { title: 't', priority: 'low', payload: { durationMs: 10_001 } }],
      ['a negative durationMs', { title: 't', priority: 'low', payload: { durationMs: -1 } }],
      ['a payload that is not an object', { title: 't', priority: 'low', payload: 'run' }],
    ] as const)(
      'answers 400 {error, message, details?} for %s, and writes nothing',
      async ([, body], { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await enqueue(app, body);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        expect(await keysUnder(redis, prefix), 'keys written').toEqual([]);
      },
    );
  });

  describe('GET /queue/tasks/next (QUEUE_WORKERS=0)', () => {
    test('hands out high before normal before low, FIFO within a level, then 404', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const [title, priority] of [
        ['low-1', 'low'],
        ['normal-1', 'normal'],
        ['high-1', 'high'],
        ['high-2', 'high'],
      ])
        await enqueue(app, { title, priority });
      const titles = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await get(app, '/queue/tasks/next');
        expect(response.statusCode).toBe(200);
        titles.push(response.json().task.title);
      }
      expect(titles).toEqual(['high-1', 'high-2', 'normal-1', 'low-1']);
      const empty = await get(app, '/queue/tasks/next');
      expect(empty.statusCode).toBe(404);
      expect(empty.json()).toMatchObject({ error: 'not_found' });
    });

    test('removes the task: its state is taken, and its hash expires', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const { id } = (await enqueue(app, { title: 't', priority: 'normal' })).json();
      expect((await get(app, '/queue/tasks/next')).json().task).toMatchObject({ id, state: 'taken' });
      expect((await get(app, '/queue/tasks')).json()).toEqual({ tasks: [] });
      expect(await taskState(app, id)).toMatchObject({ state: 'taken' });
      const [jobKey] = (await keysUnder(redis, prefix)).filter((key) => key.endsWith(id));
      expect(await redis.pTtl(jobKey ?? ''), 'ms left on a taken task').toBeGreaterThan(0);
    });
  });

  test('GET /queue/tasks lists the waiting tasks in /next order, removing none', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished);
    await enqueue(app, { title: 'b', priority: 'low' });
    await enqueue(app, { title: 'a', priority: 'high' });
    const first = (await get(app, '/queue/tasks')).json();
    expect(first.tasks.map((task: { title: string }) => task.title)).toEqual(['a', 'b']);
    expect((await get(app, '/queue/tasks')).json()).toEqual(first);
  });

  test('GET /queue/tasks/:id answers 400 for a malformed id and 404 for an unknown one', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished);
    expect((await get(app, '/queue/tasks/bad%20id!')).statusCode).toBe(400);
    expect((await get(app, `/queue/tasks/${'x'.repeat(65)}`)).statusCode).toBe(400);
    const unknown = await get(app, '/queue/tasks/nobody');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found' });
  });

  test('DELETE /queue/tasks deletes the waiting tasks and says how many', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    for (const priority of ['high', 'normal', 'low']) await enqueue(app, { title: 't', priority });
    const response = await app.inject({ method: 'DELETE', url: '/queue/tasks' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ deleted: 3 });
    expect((await get(app, '/queue/tasks')).json()).toEqual({ tasks: [] });
    expect(await keysUnder(redis, prefix), 'keys left').toEqual([]);
  });

  test('GET /queue/stats counts tasks per state and waiting tasks per priority', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const app = await start(redis, prefix, onTestFinished);
    await enqueue(app, { title: 'h', priority: 'high' });
    await enqueue(app, { title: 'l1', priority: 'low' });
    await enqueue(app, { title: 'l2', priority: 'low' });
    expect((await get(app, '/queue/stats')).json()).toEqual({
      waiting: 3,
      processing: 0,
      delayed: 0,
      completed: 0,
      dead: 0,
      byPriority: { high: 1, normal: 0, low: 2 },
    });
  });

  describe('workers', () => {
    test('the workers complete a task, and its hash gets a TTL', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished, { workers: 2 });
      const { id } = (await enqueue(app, { title: 't', priority: 'normal', payload: { durationMs: 20 } })).json();
      await expect.poll(() => taskState(app, id), { timeout: 5000 }).toMatchObject({ state: 'completed', attempts: 1 });
      expect((await get(app, '/queue/stats')).json()).toMatchObject({ waiting: 0, processing: 0, completed: 1 });
      for (const key of await keysUnder(redis, prefix)) {
        if (key.includes(':waiting:') || key.endsWith(':wake')) continue; // queue structure: see the README
        expect(await redis.pTtl(key), `ms left on ${key}`).toBeGreaterThan(0);
      }
    });

    test('a task whose handler fails ends in the dead letters after 3 attempts, with its error', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { workers: 2 });
      const { id } = (await enqueue(app, { title: 't', priority: 'high', payload: { fail: 'card declined' } })).json();
      await expect.poll(() => taskState(app, id), { timeout: 5000 }).toMatchObject({ state: 'dead' });
      expect(await taskState(app, id)).toMatchObject({ attempts: 3, error: 'card declined' });
      const dead = (await get(app, '/queue/dead-letter')).json();
      expect(dead.tasks).toEqual([expect.objectContaining({ id, state: 'dead', attempts: 3, error: 'card declined' })]);
    });

    test('a truthy fail that is not a string still fails the task, with a message', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished, { workers: 1 });
      const { id } = (await enqueue(app, { title: 't', priority: 'high', payload: { fail: true } })).json();
      await expect.poll(() => taskState(app, id), { timeout: 5000 }).toMatchObject({ state: 'dead', attempts: 3 });
      expect((await taskState(app, id)).error).toEqual(expect.any(String));
    });

    test('closing the server lets the task in hand finish', async ({ redis, prefix }) => {
      const app = await buildServer({ redis, prefix, workers: 1, blockSeconds: 0.1 });
      // 800 ms of work: the poll sees it in hand, and the close comes during it, even on a busy machine.
      const { id } = (await enqueue(app, { title: 't', priority: 'normal', payload: { durationMs: 800 } })).json();
      await expect.poll(() => taskState(app, id), { timeout: 3000 }).toMatchObject({ state: 'processing' });
      await app.close();
      const view = await buildServer({ redis, prefix, workers: 0 });
      try {
        expect(await taskState(view, id)).toMatchObject({ state: 'completed' });
      } finally {
        await view.close();
      }
    });

    test('QUEUE_WORKERS and QUEUE_VISIBILITY_MS come from env; a bad value is a clear error', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await buildServer({ redis, prefix, env: { QUEUE_WORKERS: '0' }, blockSeconds: 0.1 });
      onTestFinished(() => app.close());
      const { id } = (await enqueue(app, { title: 't', priority: 'normal' })).json();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await taskState(app, id), 'no worker took it').toMatchObject({ state: 'waiting' });
      await expect(buildServer({ redis, prefix, env: { QUEUE_WORKERS: 'many' } })).rejects.toThrow(/QUEUE_WORKERS/);
      await expect(buildServer({ redis, prefix, env: { QUEUE_VISIBILITY_MS: '-5' } })).rejects.toThrow(
        /QUEUE_VISIBILITY_MS/,
      );
    });
  });

  describe('POST /queue/dead-letter/:id/retry', () => {
    test('puts a dead task back, waiting, with attempts reset; 404 when it is not dead', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const working = await buildServer({ redis, prefix, workers: 1, blockSeconds: 0.1 });
      const { id } = (await enqueue(working, { title: 't', priority: 'low', payload: { fail: 'x' } })).json();
      await expect.poll(() => taskState(working, id), { timeout: 5000 }).toMatchObject({ state: 'dead' });
      await working.close();

      const app = await start(redis, prefix, onTestFinished);
      const response = await app.inject({ method: 'POST', url: `/queue/dead-letter/${id}/retry` });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ id, state: 'waiting' });
      expect(await taskState(app, id)).toMatchObject({ state: 'waiting', attempts: 0 });
      expect((await taskState(app, id)).error).toBeUndefined();
      expect((await get(app, '/queue/dead-letter')).json()).toEqual({ tasks: [] });
      const again = await app.inject({ method: 'POST', url: `/queue/dead-letter/${id}/retry` });
      expect(again.statusCode).toBe(404);
    });
  });

  describe('Redis down', () => {
    test('every route answers 503 redis_unavailable within 1 s, with workers running', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(outage.redis, prefix, onTestFinished, { workers: 2 });
      await outage.goDown();
      await expectUnavailable(app, { method: 'POST', url: '/queue/tasks', payload: { title: 't', priority: 'low' } });
      await expectUnavailable(app, { method: 'GET', url: '/queue/tasks/next' });
      await expectUnavailable(app, { method: 'GET', url: '/queue/tasks' });
      await expectUnavailable(app, { method: 'GET', url: '/queue/stats' });
      await expectUnavailable(app, { method: 'GET', url: '/queue/dead-letter' });
    });

    test('the workers resume when Redis is back', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished, { workers: 2 });
      await outage.goDown();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await outage.comeBack();
      await expect
        .poll(async () => (await enqueue(app, { title: 't', priority: 'low' })).statusCode, { timeout: 5000 })
        .toBe(201);
      await expect
        .poll(async () => (await get(app, '/queue/stats')).json().completed, { timeout: 8000 })
        .toBeGreaterThanOrEqual(1);
    });
  });

  describeHealthRoute(startServer);
  describeServerRules(startServer, { method: 'GET', url: '/queue/stats' });
  describeOpenApi(startServer, [
    'POST /queue/tasks',
    'GET /queue/tasks',
    'DELETE /queue/tasks',
    'GET /queue/tasks/next',
    'GET /queue/tasks/{id}',
    'GET /queue/stats',
    'GET /queue/dead-letter',
    'POST /queue/dead-letter/{id}/retry',
  ]);
});
