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
import { buildServer } from './server.js';

const HOUR_MS = 3_600_000;

/** A server, closed when the test ends. Built inside each test, so each fails on its own. */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
  clock?: () => number,
): Promise<FastifyInstance> {
  const app = await buildServer({ redis, prefix, clock });
  onTestFinished(() => app.close());
  return app;
}

const submit = (app: FastifyInstance, board: string, payload: object) =>
  app.inject({ method: 'POST', url: `/leaderboards/${board}/scores`, payload });

const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url });

/** The server as the shared contract specs build it. */
const startServer: StartServer = (redis, prefix) => buildServer({ redis, prefix });

describe('step 7 · server', () => {
  describe('POST /leaderboards/:board/scores', () => {
    test('answers 200 {player, score, rank} after the mode is applied; mode defaults to best', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      const first = await submit(app, 'arcade', { player: 'alice', score: 500 });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ player: 'alice', score: 500, rank: 1 });
      expect((await submit(app, 'arcade', { player: 'alice', score: 300 })).json()).toEqual({
        player: 'alice',
        score: 500,
        rank: 1,
      });
      expect((await submit(app, 'arcade', { player: 'bob', score: 900, mode: 'best' })).json().rank).toBe(1);
      expect((await submit(app, 'arcade', { player: 'alice', score: 450, mode: 'increment' })).json()).toEqual({
        player: 'alice',
        score: 950,
        rank: 1,
      });
    });

    test('answers 409 score_out_of_range for an increment past 1,000,000 or below 0, and writes nothing', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await submit(app, 'arcade', { player: 'alice', score: 999_999 });
      const before = await keysUnder(redis, prefix);
      for (const score of [2, -1_000_000]) {
        const response = await submit(app, 'arcade', { player: 'alice', score, mode: 'increment' });
        expect(response.statusCode, `increment of ${score} points`).toBe(409);
        expect(response.json()).toMatchObject({ error: 'score_out_of_range', message: expect.any(String) });
      }
      expect((await get(app, '/leaderboards/arcade/players/alice')).json().score).toBe(999_999);
      expect(await keysUnder(redis, prefix)).toEqual(before);
    });

    test.for([
      { input: 'a missing player', payload: { score: 5 } },
      { input: 'a malformed player', payload: { player: 'al ice', score: 5 } },
      { input: 'a missing score', payload: { player: 'alice' } },
      { input: 'a score that is a string', payload: { player: 'alice', score: '5' } },
      { input: 'a score that is not an integer', payload: { player: 'alice', score: 5.5 } },
      { input: 'a best score below 0', payload: { player: 'alice', score: -1 } },
      { input: 'a best score above 1,000,000', payload: { player: 'alice', score: 1_000_001 } },
      { input: 'an increment of 0', payload: { player: 'alice', score: 0, mode: 'increment' } },
      { input: 'an increment above 1,000,000', payload: { player: 'alice', score: 1_000_001, mode: 'increment' } },
      { input: 'an increment below -1,000,000', payload: { player: 'alice', score: -1_000_001, mode: 'increment' } },
      { input: 'an unknown mode', payload: { player: 'alice', score: 5, mode: 'double' } },
    ])(
      'answers 400 validation_error for $input, and writes nothing',
      async ({ payload }, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await submit(app, 'arcade', payload);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error', message: expect.any(String) });
        expect(await keysUnder(redis, prefix)).toEqual([]);
      },
    );

    test('answers 400 for a malformed board, and writes nothing', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (const board of ['arc%7Dade', 'a'.repeat(65), 'arc%20ade']) {
        expect((await submit(app, board, { player: 'alice', score: 5 })).statusCode, board).toBe(400);
      }
      expect(await keysUnder(redis, prefix)).toEqual([]);
    });

    test('accepts a board and a player of 64 characters', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const [board, player] = ['b'.repeat(64), 'p'.repeat(64)];
      expect((await submit(app, board, { player, score: 5 })).statusCode).toBe(200);
      expect((await get(app, `/leaderboards/${board}/players/${player}`)).json()).toEqual({
        player,
        score: 5,
        rank: 1,
      });
    });
  });

  describe('GET /leaderboards/:board/top', () => {
    test('answers {board, total, entries: [{rank, player, score}]}, best first, 10 by default', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (let i = 1; i <= 12; i += 1) await submit(app, 'arcade', { player: `p${i}`, score: i * 10 });
      const response = await get(app, '/leaderboards/arcade/top');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ board: 'arcade', total: 12 });
      expect(body.entries).toHaveLength(10);
      expect(body.entries[0]).toEqual({ rank: 1, player: 'p12', score: 120 });
    });

    test('pages with limit and offset', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (let i = 1; i <= 5; i += 1) await submit(app, 'arcade', { player: `p${i}`, score: i * 10 });
      expect((await get(app, '/leaderboards/arcade/top?limit=2&offset=1')).json()).toEqual({
        board: 'arcade',
        total: 5,
        entries: [
          { rank: 2, player: 'p4', score: 40 },
          { rank: 3, player: 'p3', score: 30 },
        ],
      });
    });

    test('an unknown board answers 200 with no entries', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      const response = await get(app, '/leaderboards/nobody-played/top');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ board: 'nobody-played', total: 0, entries: [] });
    });

    test.for(['limit=0', 'limit=101', 'limit=ten', 'offset=-1', 'offset=1.5', 'period=monthly'])(
      'answers 400 validation_error for %s',
      async (query, { redis, prefix, onTestFinished }) => {
        const app = await start(redis, prefix, onTestFinished);
        const response = await get(app, `/leaderboards/arcade/top?${query}`);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error' });
      },
    );
  });

  describe('GET /leaderboards/:board/players/:player', () => {
    test('answers {player, score, rank}, rank 1-based; 404 not_found for a player not on the board', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await submit(app, 'arcade', { player: 'alice', score: 300 });
      await submit(app, 'arcade', { player: 'bob', score: 500 });
      const response = await get(app, '/leaderboards/arcade/players/alice');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ player: 'alice', score: 300, rank: 2 });
      const missing = await get(app, '/leaderboards/arcade/players/carol');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('carol') });
    });

    test('answers 400 for a malformed player', async ({ redis, prefix, onTestFinished }) => {
      const app = await start(redis, prefix, onTestFinished);
      expect((await get(app, '/leaderboards/arcade/players/al%20ice')).statusCode).toBe(400);
    });
  });

  describe('GET /leaderboards/:board/players/:player/around', () => {
    test('answers {player, rank, entries} for ranks max(1, r − radius) to min(N, r + radius)', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      for (let i = 1; i <= 8; i += 1) await submit(app, 'arcade', { player: `p${i}`, score: i * 10 });
      const response = await get(app, '/leaderboards/arcade/players/p7/around?radius=2');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        player: 'p7',
        rank: 2,
        entries: [
          { rank: 1, player: 'p8', score: 80 },
          { rank: 2, player: 'p7', score: 70 },
          { rank: 3, player: 'p6', score: 60 },
          { rank: 4, player: 'p5', score: 50 },
        ],
      });
      expect((await get(app, '/leaderboards/arcade/players/p1/around')).json().entries).toHaveLength(6);
    });

    test('answers 404 for a player not on the board, and 400 for a radius outside 0–50', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await submit(app, 'arcade', { player: 'alice', score: 300 });
      expect((await get(app, '/leaderboards/arcade/players/bob/around')).statusCode).toBe(404);
      expect((await get(app, '/leaderboards/arcade/players/alice/around?radius=51')).statusCode).toBe(400);
      expect((await get(app, '/leaderboards/arcade/players/alice/around?radius=-1')).statusCode).toBe(400);
    });
  });

  describe('DELETE /leaderboards/:board/players/:player', () => {
    test('answers 204 and takes the player off every board; 404 when they are not on it', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await submit(app, 'arcade', { player: 'alice', score: 300 });
      const removed = await app.inject({ method: 'DELETE', url: '/leaderboards/arcade/players/alice' });
      expect(removed.statusCode).toBe(204);
      expect(removed.body).toBe('');
      for (const period of ['all', 'daily', 'weekly']) {
        expect((await get(app, `/leaderboards/arcade/players/alice?period=${period}`)).statusCode, period).toBe(404);
      }
      const again = await app.inject({ method: 'DELETE', url: '/leaderboards/arcade/players/alice' });
      expect(again.statusCode).toBe(404);
      expect(again.json()).toMatchObject({ error: 'not_found' });
    });
  });

  describe('periods', () => {
    test('?period=daily|weekly reads today’s and this week’s boards; the default is all', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const clock = { now: Date.parse('2026-11-26T12:00:00Z') };
      const app = await start(redis, prefix, onTestFinished, () => clock.now);
      await submit(app, 'arcade', { player: 'alice', score: 900 });
      clock.now += 24 * HOUR_MS;
      await submit(app, 'arcade', { player: 'bob', score: 100 });
      const players = async (period: string) =>
        (await get(app, `/leaderboards/arcade/top${period}`))
          .json()
          .entries.map((entry: { player: string }) => entry.player);
      expect(await players('')).toEqual(['alice', 'bob']);
      expect(await players('?period=daily')).toEqual(['bob']);
      expect(await players('?period=weekly')).toEqual(['alice', 'bob']);
      expect((await get(app, '/leaderboards/arcade/players/bob?period=daily')).json()).toEqual({
        player: 'bob',
        score: 100,
        rank: 1,
      });
      expect((await get(app, '/leaderboards/arcade/players/alice?period=daily')).statusCode).toBe(404);
      expect((await get(app, '/leaderboards/arcade/players/bob/around?period=daily')).json().entries).toHaveLength(1);
    });

    test('every key it writes is under the prefix; all but the all-time board and its clock have a TTL', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const app = await start(redis, prefix, onTestFinished);
      await submit(app, 'arcade', { player: 'alice', score: 300 });
      await submit(app, 'pinball', { player: 'bob', score: 5, mode: 'increment' });
      const keys = await keysUnder(redis, prefix);
      expect(keys).toHaveLength(8);
      for (const key of keys) {
        const ttl = await redis.pTtl(key);
        if (/:(all|clock)$/.test(key)) expect(ttl, `${key}: kept for good (README, "Key layout")`).toBe(-1);
        else expect(ttl, `${key}: TTL in ms`).toBeGreaterThan(HOUR_MS * 24);
      }
    });
  });

  describe('when Redis is down', () => {
    test('every route answers 503 redis_unavailable within a second', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      await expectUnavailable(app, {
        method: 'POST',
        url: '/leaderboards/arcade/scores',
        payload: { player: 'alice', score: 5 },
      });
      for (const url of [
        '/leaderboards/arcade/top',
        '/leaderboards/arcade/players/alice',
        '/leaderboards/arcade/players/alice/around',
      ]) {
        await expectUnavailable(app, { method: 'GET', url });
      }
      await expectUnavailable(app, { method: 'DELETE', url: '/leaderboards/arcade/players/alice' });
    });

    test('recovers by itself when Redis comes back', async ({ outage, prefix, onTestFinished }) => {
      const app = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      expect((await get(app, '/leaderboards/arcade/top')).statusCode).toBe(503);
      await outage.comeBack();
      await expect.poll(async () => (await get(app, '/health')).statusCode, { timeout: 5000, interval: 100 }).toBe(200);
      expect((await submit(app, 'arcade', { player: 'alice', score: 5 })).statusCode).toBe(200);
    });
  });

  test('an unknown route answers 404 in the error shape', async ({ redis, prefix, onTestFinished }) => {
    const app = await start(redis, prefix, onTestFinished);
    const response = await get(app, '/leaderboards');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });

  describeHealthRoute(startServer);
  describeServerRules(startServer, {
    method: 'POST',
    url: '/leaderboards/arcade/scores',
    payload: { player: 'alice', score: 5 },
  });
  describeOpenApi(startServer, [
    'POST /leaderboards/{board}/scores',
    'GET /leaderboards/{board}/top',
    'GET /leaderboards/{board}/players/{player}',
    'GET /leaderboards/{board}/players/{player}/around',
    'DELETE /leaderboards/{board}/players/{player}',
  ]);
});
