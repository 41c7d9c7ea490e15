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
import { describe, expect, test, testWithInstances } from '../../harness/test.js';
import { buildServer } from './server.js';

type OnTestFinished = (fn: () => Promise<void>) => void;

/** A server, closed when the test ends. Built inside each test, so each fails on its own. */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: OnTestFinished,
  redlock?: RedisAdapter[],
): Promise<FastifyInstance> {
  const app = await buildServer({ redis, prefix, redlock });
  onTestFinished(() => app.close());
  return app;
}

/** A server whose `/locks` uses Redlock over `instances` (what `REDLOCK_URLS` does). */
const startWithRedlock = (
  redis: RedisAdapter,
  instances: { redis: RedisAdapter }[],
  prefix: string,
  onTestFinished: OnTestFinished,
) =>
  start(
    redis,
    prefix,
    onTestFinished,
    instances.map((instance) => instance.redis),
  );

const lock = (app: FastifyInstance, resource: string, query = '') =>
  app.inject({ method: 'POST', url: `/locks/${resource}${query}` });
const book = (app: FastifyInstance, payload: object) => app.inject({ method: 'POST', url: '/bookings', payload });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many of `instances` hold `key` now. */
async function lockHoldersAmong(instances: { redis: RedisAdapter }[], key: string): Promise<number> {
  const found = await Promise.all(instances.map((instance) => instance.redis.exists(key)));
  return found.reduce((sum, count) => sum + count, 0);
}

/** The server as the shared contract specs build it. */
const startServer: StartServer = (redis, prefix) => buildServer({ redis, prefix });

describe('step 8 · server', () => {
  describe('POST /locks/:resource', () => {
    test('holds the lock holdMs, releases it, and answers 200 {resource, fencingToken, heldMs}', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await lock(app, 'printer', '?holdMs=150');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(Object.keys(body).sort()).toEqual(['fencingToken', 'heldMs', 'resource']);
      expect(body).toMatchObject({ resource: 'printer', fencingToken: 1 });
      expect(body.heldMs, 'heldMs for holdMs=150').toBeGreaterThanOrEqual(145);
      expect(body.heldMs, 'heldMs for holdMs=150').toBeLessThan(400);
      expect(await redis.exists(`${prefix}lock:printer`), 'the lock key after release').toBe(0);
    });

    test('holds 100 ms by default; holdMs=0 holds no time at all', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      expect((await lock(app, 'a')).json().heldMs, 'default heldMs').toBeGreaterThanOrEqual(95);
      expect((await lock(app, 'a', '?holdMs=0')).json().heldMs, 'heldMs for holdMs=0').toBeLessThan(50);
    });

    test('fencingToken strictly increases per resource (INCR)', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const tokens = [];
      for (const resource of ['a', 'a', 'b', 'a'])
        tokens.push((await lock(app, resource, '?holdMs=0')).json().fencingToken);
      expect(tokens).toEqual([1, 2, 1, 3]);
    });

    test('while held, <prefix>lock:<resource> exists with a PX TTL', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      // A 1 s hold: the poll sees the lock before its release even on a busy machine.
      const held = lock(app, 'a', '?holdMs=1000');
      await expect.poll(() => redis.exists(`${prefix}lock:a`), { timeout: 1_000, interval: 10 }).toBe(1);
      const ttl = await redis.pTtl(`${prefix}lock:a`);
      expect(ttl, 'PTTL of the held lock, in ms').toBeGreaterThan(0);
      expect(ttl, 'PTTL of the held lock, in ms').toBeLessThanOrEqual(2_000);
      expect((await held).statusCode).toBe(200);
    });

    test('answers 409 {error:"locked"} at once while another request holds the lock', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const held = lock(app, 'a', '?holdMs=1000');
      let released = false;
      void held.then(() => (released = true));
      await expect.poll(() => redis.exists(`${prefix}lock:a`), { timeout: 1_000, interval: 10 }).toBe(1);
      const started = performance.now();
      const refused = await lock(app, 'a', '?holdMs=0');
      // Waiting for the lock would take until the 1 s hold ends.
      expect(performance.now() - started, 'ms until the 409, while another holds the lock 1 s').toBeLessThan(500);
      expect(released, 'the holder had released when the 409 came').toBe(false);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: 'locked', message: expect.any(String) });
      expect((await held).statusCode).toBe(200);
    });

    test('two servers on one Redis share the locks, and 20 parallel requests get exactly one 200', async ({
      redis,
      prefix,
      connect,
      onTestFinished,
    }) => {
      const first = await start(redis, prefix, onTestFinished);
      const second = await start(connect(), prefix, onTestFinished);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => lock(i % 2 ? first : second, 'a', '?holdMs=300')),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(
        statuses.filter((status) => status === 200),
        'requests that held the lock',
      ).toHaveLength(1);
      expect(
        statuses.filter((status) => status === 409),
        'requests refused as locked',
      ).toHaveLength(19);
    });

    test('answers 409 {error:"lock_lost"} when another owner took the lock during the hold, and leaves it', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      // A 1 s hold: the foreign owner takes the lock before its release even on a busy machine.
      const held = lock(app, 'a', '?holdMs=1000');
      await expect.poll(() => redis.exists(`${prefix}lock:a`), { timeout: 1_000, interval: 10 }).toBe(1);
      await redis.set(`${prefix}lock:a`, 'foreign-owner', { px: 5_000 });
      const response = await held;
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: 'lock_lost' });
      expect(await redis.get(`${prefix}lock:a`), 'the foreign owner’s lock is left alone').toBe('foreign-owner');
    });

    test('answers 503 when Redis goes away during the hold', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      const held = lock(app, 'a', '?holdMs=1000');
      await sleep(100);
      await outage.goDown();
      const response = await held;
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ error: 'redis_unavailable' });
    });

    test.for([
      { input: 'a negative holdMs', query: '?holdMs=-1' },
      { input: 'a holdMs over 10000', query: '?holdMs=10001' },
      { input: 'a holdMs that is not an integer', query: '?holdMs=1.5' },
      { input: 'a holdMs that is not a number', query: '?holdMs=soon' },
    ])(
      'answers 400 validation_error for $input and writes nothing',
      async ({ query }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await lock(app, 'a', query);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error', message: expect.any(String) });
        expect(await keysUnder(redis, prefix)).toEqual([]);
      },
    );

    test.for(['not%20valid', 'a'.repeat(65), 'a.b'])(
      'answers 400 for the malformed resource %s and writes nothing',
      async (resource, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        expect((await lock(app, resource)).statusCode).toBe(400);
        expect(await keysUnder(redis, prefix)).toEqual([]);
      },
    );
  });

  describe('bookings', () => {
    test('POST /bookings answers 201 {resource, slot, user}, then 409 slot_taken, for the same user too', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const booking = { resource: 'room-1', slot: '2026-05-01T09:00', user: 'ada' };
      const created = await book(app, booking);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual(booking);
      for (const user of ['bob', 'ada']) {
        const taken = await book(app, { ...booking, user });
        expect(taken.statusCode, `booking again as ${user}`).toBe(409);
        expect(taken.json()).toMatchObject({ error: 'slot_taken', message: expect.any(String) });
      }
    });

    test('GET /bookings/:resource answers {resource, bookings} sorted by slot, [] when none', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const [slot, user] of [
        ['2026-05-01T10:00', 'bob'],
        ['2026-05-01T08:00', 'cy'],
        ['2026-05-01T09:00', 'ada'],
      ]) {
        await book(app, { resource: 'room-1', slot, user });
      }
      const response = await app.inject({ method: 'GET', url: '/bookings/room-1' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        resource: 'room-1',
        bookings: [
          { slot: '2026-05-01T08:00', user: 'cy' },
          { slot: '2026-05-01T09:00', user: 'ada' },
          { slot: '2026-05-01T10:00', user: 'bob' },
        ],
      });
      expect((await app.inject({ method: 'GET', url: '/bookings/room-9' })).json()).toEqual({
        resource: 'room-9',
        bookings: [],
      });
    });

    test('30 parallel bookings of one slot on two servers: exactly one 201, 29 slot_taken', async ({
      redis,
      prefix,
      connect,
      onTestFinished,
    }) => {
      const first = await start(redis, prefix, onTestFinished);
      const second = await start(connect(), prefix, onTestFinished);
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          book(i % 2 ? first : second, { resource: 'room-1', slot: '09:00', user: `user-${i}` }),
        ),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(
        statuses.filter((status) => status === 201),
        'bookings created',
      ).toHaveLength(1);
      expect(
        statuses.filter((status) => status === 409),
        'bookings refused',
      ).toHaveLength(29);
    });

    test('the bookings hash has a TTL of 7 days', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      await book(app, { resource: 'room-1', slot: '09:00', user: 'ada' });
      const ttl = await redis.pTtl(`${prefix}bookings:room-1`);
      expect(ttl, 'PTTL of the bookings hash, in ms').toBeGreaterThan(7 * 24 * 3_600_000 - 60_000);
      expect(ttl, 'PTTL of the bookings hash, in ms').toBeLessThanOrEqual(7 * 24 * 3_600_000);
    });

    test.for([
      { input: 'a missing slot', payload: { resource: 'room-1', user: 'ada' } },
      { input: 'an empty slot', payload: { resource: 'room-1', slot: '', user: 'ada' } },
      { input: 'a slot of 65 characters', payload: { resource: 'room-1', slot: 's'.repeat(65), user: 'ada' } },
      { input: 'a malformed resource', payload: { resource: 'room 1', slot: '09:00', user: 'ada' } },
      { input: 'a malformed user', payload: { resource: 'room-1', slot: '09:00', user: 'a/b' } },
      { input: 'a slot that is a number', payload: { resource: 'room-1', slot: 9, user: 'ada' } },
    ])(
      'POST /bookings answers 400 validation_error for $input and writes nothing',
      async ({ payload }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await book(app, payload);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error', details: expect.any(Array) });
        expect(await keysUnder(redis, prefix)).toEqual([]);
      },
    );

    test('GET /bookings/:resource answers 400 for a malformed resource', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      expect((await app.inject({ method: 'GET', url: '/bookings/room%201' })).statusCode).toBe(400);
    });
  });

  describe('every key it writes', () => {
    test('is under the prefix, and has a TTL except the fencing counters', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const held = lock(app, 'a', '?holdMs=200');
      await book(app, { resource: 'room-1', slot: '09:00', user: 'ada' });
      await expect.poll(() => redis.exists(`${prefix}lock:a`), { timeout: 250, interval: 10 }).toBe(1);
      const keys = await keysUnder(redis, prefix);
      expect(keys).toEqual([`${prefix}bookings:room-1`, `${prefix}fence:a`, `${prefix}lock:a`].sort());
      for (const key of keys) {
        const ttl = await redis.pTtl(key);
        if (key.includes(':fence:')) expect(ttl, `${key}: a counter that must never restart`).toBe(-1);
        else expect(ttl, `${key}: TTL in ms`).toBeGreaterThan(0);
      }
      await held;
    });
  });

  describe('when Redis is down', () => {
    test('answers 503 redis_unavailable within a second on every route', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      await expectUnavailable(app, { method: 'POST', url: '/locks/a?holdMs=0' });
      await expectUnavailable(app, {
        method: 'POST',
        url: '/bookings',
        payload: { resource: 'room-1', slot: '09:00', user: 'ada' },
      });
      await expectUnavailable(app, { method: 'GET', url: '/bookings/room-1' });
    });

    test('recovers by itself when Redis comes back', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      expect((await lock(app, 'a', '?holdMs=0')).statusCode).toBe(503);
      await outage.comeBack();
      await expect
        .poll(async () => (await lock(app, 'a', '?holdMs=0')).statusCode, { timeout: 5_000, interval: 100 })
        .toBe(200);
    });
  });

  describe('with Redlock (REDLOCK_URLS)', () => {
    testWithInstances(
      'holds the lock on all three instances, then releases it everywhere',
      async ({ redis, instances, prefix, onTestFinished }) => {
        const app = await startWithRedlock(redis, instances, prefix, onTestFinished);
        // A 1 s hold: the checks below fall inside it even on a busy machine.
        const held = lock(app, 'a', '?holdMs=1000');
        await expect
          .poll(() => lockHoldersAmong(instances, `${prefix}lock:a`), { timeout: 1_000, interval: 10 })
          .toBe(3);
        for (const { redis: instance } of instances) {
          const ttl = await instance.pTtl(`${prefix}lock:a`);
          expect(ttl, 'PTTL of the lock on each instance, in ms').toBeGreaterThan(0);
        }
        const response = await held;
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({ resource: 'a', fencingToken: 1 });
        for (const { redis: instance } of instances) expect(await instance.exists(`${prefix}lock:a`)).toBe(0);
      },
    );

    testWithInstances(
      'answers 409 locked while the lock is held',
      async ({ redis, instances, prefix, onTestFinished }) => {
        const app = await startWithRedlock(redis, instances, prefix, onTestFinished);
        const held = lock(app, 'a', '?holdMs=1000');
        await expect
          .poll(() => lockHoldersAmong(instances, `${prefix}lock:a`), { timeout: 1_000, interval: 10 })
          .toBe(3);
        expect((await lock(app, 'a', '?holdMs=0')).json()).toMatchObject({ error: 'locked' });
        expect((await held).statusCode).toBe(200);
      },
    );

    testWithInstances(
      'still answers 200 with one instance down',
      async ({ redis, instances, prefix, onTestFinished }) => {
        const app = await startWithRedlock(redis, instances, prefix, onTestFinished);
        await instances[0]?.goDown();
        expect((await lock(app, 'a', '?holdMs=0')).statusCode).toBe(200);
      },
    );

    testWithInstances.for(['goDown', 'hang'] as const)(
      'answers 503 within 1 s with two of three instances unreachable (%s)',
      async (how, { redis, instances, prefix, onTestFinished }) => {
        const app = await startWithRedlock(redis, instances, prefix, onTestFinished);
        await instances[0]?.[how]();
        await instances[1]?.[how]();
        await expectUnavailable(app, { method: 'POST', url: '/locks/a?holdMs=0' });
        await instances[0]?.comeBack();
        await instances[1]?.comeBack();
      },
    );
  });

  describeHealthRoute(startServer);
  describeServerRules(startServer, { method: 'POST', url: '/locks/a?holdMs=0' });
  describeOpenApi(startServer, ['POST /locks/{resource}', 'POST /bookings', 'GET /bookings/{resource}']);
});
