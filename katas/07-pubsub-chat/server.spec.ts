import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { countSubscribers } from '../../harness/count-subscribers.js';
import { expectPublishReached } from '../../harness/expect-publish-reached.js';
import {
  describeHealthRoute,
  describeOpenApi,
  describeServerRules,
  type StartServer,
} from '../../harness/http/kata-server-contract.js';
import { type Frame, listenOnFreePort, openSocket, refusedHandshake } from '../../harness/http/ws-client.js';
import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { buildServer, type ServerOptions } from './server.js';

type Extra = Omit<ServerOptions, 'redis' | 'prefix'>;

/** A listening server, closed when the test ends; `ws` is its `ws://` base URL. */
async function start(
  redis: RedisAdapter,
  prefix: string,
  onTestFinished: (fn: () => Promise<void>) => void,
  extra: Extra = {},
): Promise<{ app: FastifyInstance; ws: string }> {
  const app = await buildServer({ redis, prefix, heartbeatMs: 100, ...extra });
  onTestFinished(() => app.close());
  const { ws } = await listenOnFreePort(app);
  return { app, ws };
}

const isMessage = (text: string) => (frame: Frame) => frame.type === 'message' && frame.text === text;
const isPresence = (user: string, online: boolean) => (frame: Frame) =>
  frame.type === 'presence' && frame.user === user && frame.online === online;
const post = (app: FastifyInstance, payload: object) => app.inject({ method: 'POST', url: '/chat/message', payload });
const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url });
const poll = { timeout: 5000, interval: 20 };

const startServer: StartServer = (redis, prefix) => buildServer({ redis, prefix });

describe('step 5 · the WebSocket server', () => {
  describe('GET /ws/chat/:room?user=', () => {
    test('a message sent on a socket reaches every socket of the room, as {type, id, room, user, text, ts}', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { ws } = await start(redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      const bob = await openSocket(`${ws}/ws/chat/general?user=bob`);
      const before = Date.now();
      ada.send({ text: '  hello bob  ' });
      const expected = {
        type: 'message',
        id: expect.any(String),
        room: 'general',
        user: 'ada',
        text: 'hello bob',
        ts: expect.any(Number),
      };
      expect(await ada.next(isMessage('hello bob'), "ada's own message")).toEqual(expected);
      const heard = await bob.next(isMessage('hello bob'), "ada's message at bob's");
      expect(heard).toEqual(expected);
      expect(Number(heard.ts), 'ts, ms since the epoch').toBeGreaterThanOrEqual(before - 1000);
    });

    test("a socket hears none of another room's messages", async ({ redis, prefix, onTestFinished }) => {
      const { ws } = await start(redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      const bob = await openSocket(`${ws}/ws/chat/random?user=bob`);
      bob.send({ text: 'in random' });
      ada.send({ text: 'in general' });
      await ada.next(isMessage('in general'), 'its own room message');
      expect(ada.frames.filter((frame) => frame.type === 'message').map((frame) => frame.text)).toEqual(['in general']);
    });

    test('every socket of the server shares one subscriber connection, one subscription per room', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const counted = countSubscribers(redis);
      const { ws } = await start(counted.redis, prefix, onTestFinished);
      for (const [room, user] of [
        ['general', 'ada'],
        ['general', 'bob'],
        ['general', 'ada'],
        ['random', 'cy'],
        ['random', 'dee'],
      ])
        await openSocket(`${ws}/ws/chat/${room}?user=${user}`);
      expect(counted.subscribersOpened(), 'subscriber connections for 5 sockets in 2 rooms').toBe(1);
      expectPublishReached(redis, await redis.publish(`${prefix}chat:{general}`, '{}'), 1, 'subscribers of general');
      expectPublishReached(redis, await redis.publish(`${prefix}chat:{random}`, '{}'), 1, 'subscribers of random');
    });

    test('the room is unsubscribed once its last socket closes', async ({ redis, prefix, onTestFinished }) => {
      const { ws } = await start(redis, prefix, onTestFinished);
      const first = await openSocket(`${ws}/ws/chat/general?user=ada`);
      const second = await openSocket(`${ws}/ws/chat/general?user=bob`);
      await first.close();
      expectPublishReached(
        redis,
        await redis.publish(`${prefix}chat:{general}`, '{}'),
        1,
        'subscribers while bob is there',
      );
      await second.close();
      await expect.poll(() => redis.publish(`${prefix}chat:{general}`, '{}'), poll).toBe(0);
    });

    test.for([
      ['a room with a space', '/ws/chat/bad%20room?user=ada'],
      ['a room of 65 characters', `/ws/chat/${'r'.repeat(65)}?user=ada`],
      ['no user', '/ws/chat/general'],
      ['an empty user', '/ws/chat/general?user='],
      ['a user of 65 characters', `/ws/chat/general?user=${'u'.repeat(65)}`],
    ])(
      'the handshake with %s is refused with 400 validation_error',
      async ([, path], { redis, prefix, onTestFinished }) => {
        const { ws } = await start(redis, prefix, onTestFinished);
        const refusal = await refusedHandshake(`${ws}${path}`);
        expect(refusal.status).toBe(400);
        expect(JSON.parse(refusal.body)).toMatchObject({ error: 'validation_error' });
        expect(await keysUnder(redis, prefix), 'keys written').toEqual([]);
      },
    );

    test.for([
      ['not JSON', 'hello', 'A frame must be JSON, such as {"text": "hi"}.'],
      ['no text', '{}', 'text:'],
      ['an empty text', '{"text":""}', 'text: must not be empty'],
      ['only spaces', '{"text":"   "}', 'text: must not be empty'],
      ['2001 characters', JSON.stringify({ text: 'x'.repeat(2001) }), 'text: must be at most 2000 characters'],
      ['a number', '{"text":42}', 'text:'],
    ] as const)(
      'a frame with %s gets an error frame that says what is wrong; nothing is published or stored',
      async ([, frame, says], { redis, prefix, onTestFinished }) => {
        const { ws } = await start(redis, prefix, onTestFinished);
        const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
        ada.send(frame);
        expect(await ada.next((each) => each.type === 'error', 'an error frame')).toEqual({
          type: 'error',
          error: 'validation_error',
          message: expect.stringContaining(says),
        });
        ada.send({ text: 'a good one after' });
        await ada.next(isMessage('a good one after'), 'the next good message');
        expect(ada.frames.filter((each) => each.type === 'message').length, 'messages heard').toBe(1);
        expect(await redis.lLen(`${prefix}chat:{general}:history`), 'messages stored').toBe(1);
      },
    );

    test('a frame over 64 KiB closes the socket with 1009 (message too big); nothing is stored', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { ws } = await start(redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      ada.send({ text: 'z'.repeat(70_000) });
      expect((await ada.closed()).code, 'close code').toBe(1009);
      expect(await redis.lLen(`${prefix}chat:{general}:history`), 'messages stored').toBe(0);
    });

    test('a text of 2000 characters after trimming is accepted', async ({ redis, prefix, onTestFinished }) => {
      const { ws } = await start(redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      const text = 'y'.repeat(2000);
      ada.send({ text: `  ${text}  ` });
      await ada.next(isMessage(text), 'the 2000-character message');
    });

    test("one sender's messages arrive in the order sent", async ({ redis, prefix, onTestFinished }) => {
      const { ws } = await start(redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      const bob = await openSocket(`${ws}/ws/chat/general?user=bob`);
      const texts = Array.from({ length: 30 }, (_, index) => `#${index}`);
      for (const text of texts) ada.send({ text });
      await bob.next(isMessage('#29'), 'the last message');
      expect(bob.frames.filter((frame) => frame.type === 'message').map((frame) => frame.text)).toEqual(texts);
    });
  });

  describe('presence', () => {
    test('a user is announced online when their first socket opens, offline when their last closes', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { ws } = await start(redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      await ada.next(isPresence('ada', true), 'her own arrival');
      const bob = await openSocket(`${ws}/ws/chat/general?user=bob`);
      const bobAgain = await openSocket(`${ws}/ws/chat/general?user=bob`);
      await ada.next(isPresence('bob', true), "bob's arrival");
      await bob.close();
      await bobAgain.close();
      const offline = await ada.next(isPresence('bob', false), "bob's departure");
      expect(offline).toEqual({ type: 'presence', room: 'general', user: 'bob', online: false });
      expect(ada.frames.filter(isPresence('bob', true)).length, 'announcements of bob online').toBe(1);
    });

    test('GET /chat/rooms/:room/online lists the users, each once, while any of their sockets is open', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app, ws } = await start(redis, prefix, onTestFinished);
      await openSocket(`${ws}/ws/chat/general?user=bob`);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      await openSocket(`${ws}/ws/chat/general?user=ada`);
      expect((await get(app, '/chat/rooms/general/online')).json()).toEqual({ room: 'general', users: ['ada', 'bob'] });
      await ada.close();
      expect((await get(app, '/chat/rooms/general/online')).json()).toEqual({ room: 'general', users: ['ada', 'bob'] });
    });

    test('a user whose socket dropped without a close is gone within 5 s', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app, ws } = await start(redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      await ada.next(isPresence('ada', true), 'her arrival');
      ada.terminate();
      await expect
        .poll(async () => (await get(app, '/chat/rooms/general/online')).json().users, { timeout: 5000, interval: 50 })
        .toEqual([]);
    });

    test('a socket that stops answering pings is closed, and its user goes offline', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      // A ping every 500 ms: an answering socket is only closed if this process stalls that long.
      const { app, ws } = await start(redis, prefix, onTestFinished, { pingMs: 500 });
      const watcher = await openSocket(`${ws}/ws/chat/general?user=bob`);
      const silent = await openSocket(`${ws}/ws/chat/general?user=ada`, { autoPong: false });
      const closed = await silent.closed();
      expect(closed.code, 'close code of a terminated socket').toBe(1006);
      await watcher.next(isPresence('ada', false), "ada's departure");
      expect((await get(app, '/chat/rooms/general/online')).json().users).toEqual(['bob']);
    });

    test('GET /chat/rooms lists the rooms with someone online, by name', async ({ redis, prefix, onTestFinished }) => {
      const { app, ws } = await start(redis, prefix, onTestFinished);
      await openSocket(`${ws}/ws/chat/random?user=ada`);
      await openSocket(`${ws}/ws/chat/general?user=ada`);
      await openSocket(`${ws}/ws/chat/general?user=bob`);
      const left = await openSocket(`${ws}/ws/chat/gone?user=cy`);
      await left.close();
      await expect
        .poll(async () => (await get(app, '/chat/rooms')).json(), poll)
        .toEqual({
          rooms: [
            { room: 'general', online: 2 },
            { room: 'random', online: 1 },
          ],
        });
    });
  });

  describe('POST /chat/message and the history', () => {
    test('POST answers 201 with the stored message, and every socket of the room gets it', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app, ws } = await start(redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      const response = await post(app, { room: 'general', user: 'bob', text: ' hi ada ' });
      expect(response.statusCode).toBe(201);
      const message = response.json();
      expect(message).toEqual({
        type: 'message',
        id: expect.any(String),
        room: 'general',
        user: 'bob',
        text: 'hi ada',
        ts: expect.any(Number),
      });
      expect(await ada.next(isMessage('hi ada'), 'the posted message')).toEqual(message);
    });

    test.for([
      ['a bad room', { room: 'no spaces', user: 'ada', text: 'hi' }],
      ['no user', { room: 'general', text: 'hi' }],
      ['a user of 65 characters', { room: 'general', user: 'u'.repeat(65), text: 'hi' }],
      ['an empty text', { room: 'general', user: 'ada', text: '  ' }],
      ['a text of 2001 characters', { room: 'general', user: 'ada', text: 't'.repeat(2001) }],
    ])('POST with %s answers 400 and stores nothing', async ([, body], { redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await post(app, body as object);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'validation_error' });
      expect(await keysUnder(redis, prefix), 'keys written').toEqual([]);
    });

    test('GET /chat/rooms/:room/history answers the last 50 by default, oldest first; ?limit= picks', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      for (let index = 1; index <= 60; index += 1) await post(app, { room: 'general', user: 'ada', text: `#${index}` });
      const texts = async (url: string) =>
        (await get(app, url)).json().messages.map((message: { text: string }) => message.text);
      const all = await texts('/chat/rooms/general/history');
      expect(all.length, 'messages by default').toBe(50);
      expect([all[0], all.at(-1)]).toEqual(['#11', '#60']);
      expect(await texts('/chat/rooms/general/history?limit=3')).toEqual(['#58', '#59', '#60']);
      expect((await get(app, '/chat/rooms/quiet/history')).json()).toEqual({ room: 'quiet', messages: [] });
    });

    test.for(['0', '101', 'ten', '2.5'])(
      'GET history with ?limit=%s answers 400',
      async (limit, { redis, prefix, onTestFinished }) => {
        const { app } = await start(redis, prefix, onTestFinished);
        const response = await get(app, `/chat/rooms/general/history?limit=${limit}`);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'validation_error' });
      },
    );

    test('GET with a bad room answers 400', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      for (const url of ['/chat/rooms/a.b/history', '/chat/rooms/a.b/online'])
        expect((await get(app, url)).statusCode, url).toBe(400);
    });
  });

  describe('GET /ws/watch?pattern=', () => {
    test('a watcher hears the messages of every matching room, and no presence', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { app, ws } = await start(redis, prefix, onTestFinished);
      const watcher = await openSocket(`${ws}/ws/watch?pattern=team-*`);
      await openSocket(`${ws}/ws/chat/team-red?user=ada`);
      await post(app, { room: 'lobby', user: 'bob', text: 'not matching' });
      await post(app, { room: 'team-red', user: 'ada', text: 'red' });
      await post(app, { room: 'team-blue', user: 'bob', text: 'blue' });
      // Two rooms: on Redis Cluster, two masters, whose messages may cross the bus in either order.
      await watcher.next(isMessage('red'), 'the team-red message');
      await watcher.next(isMessage('blue'), 'the team-blue message');
      const heard = watcher.frames.map((frame) => [frame.type, frame.room, frame.text].join(' '));
      expect(heard.sort()).toEqual(['message team-blue blue', 'message team-red red']);
    });

    test('a watcher is read-only: what it sends gets an error frame and is not published', async ({
      redis,
      prefix,
      onTestFinished,
    }) => {
      const { ws } = await start(redis, prefix, onTestFinished);
      const watcher = await openSocket(`${ws}/ws/watch?pattern=*`);
      watcher.send({ text: 'hello?' });
      expect(await watcher.next((frame) => frame.type === 'error', 'an error frame')).toMatchObject({
        type: 'error',
        error: 'read_only',
      });
      expect(await keysUnder(redis, prefix), 'keys written').toEqual([]);
    });

    test.for(['', 'a b', 'chat:{x}', `${'p'.repeat(65)}`])(
      'the pattern "%s" is refused with 400',
      async (pattern, { redis, prefix, onTestFinished }) => {
        const { ws } = await start(redis, prefix, onTestFinished);
        const refusal = await refusedHandshake(`${ws}/ws/watch?pattern=${encodeURIComponent(pattern)}`);
        expect(refusal.status).toBe(400);
      },
    );
  });

  describe('the page at /', () => {
    test('serves HTML with the fields a browser test drives', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const response = await get(app, '/?room=general&user=ada');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      for (const id of ['user-input', 'room-input', 'join-button', 'message-input', 'send-button', 'messages'])
        expect(response.body, `data-testid="${id}"`).toContain(`data-testid="${id}"`);
    });

    test('shows message text with textContent, never as HTML', async ({ redis, prefix, onTestFinished }) => {
      const { app } = await start(redis, prefix, onTestFinished);
      const { body } = await get(app, '/');
      expect(body).toContain('textContent');
      expect(body).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    });
  });

  describe('when Redis goes away', () => {
    test('sockets get an error frame, and messages flow again once Redis is back, without reconnecting', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const { ws } = await start(outage.redis, prefix, onTestFinished);
      const ada = await openSocket(`${ws}/ws/chat/general?user=ada`);
      const bob = await openSocket(`${ws}/ws/chat/general?user=bob`);
      await outage.goDown();
      expect(await ada.next((frame) => frame.type === 'error', 'an error frame', 5000)).toEqual({
        type: 'error',
        error: 'redis_unavailable',
        message: expect.any(String),
      });
      bob.send({ text: 'while down' });
      await bob.next((frame) => frame.type === 'error', "an error frame for bob's message", 5000);
      await outage.comeBack();
      let attempt = 0;
      await expect
        .poll(
          async () => {
            attempt += 1;
            bob.send({ text: `after ${attempt}` });
            return ada
              .next((frame) => frame.type === 'message', 'a message', 200)
              .then(
                (frame) => String(frame.text).startsWith('after'),
                () => false,
              );
          },
          { timeout: 8000, interval: 100 },
        )
        .toBe(true);
    });

    test('a handshake while Redis is down is refused with 503 redis_unavailable', async ({
      outage,
      prefix,
      onTestFinished,
    }) => {
      const { ws } = await start(outage.redis, prefix, onTestFinished);
      await outage.goDown();
      const refusal = await refusedHandshake(`${ws}/ws/chat/general?user=ada`);
      expect(refusal.status).toBe(503);
      expect(JSON.parse(refusal.body)).toMatchObject({ error: 'redis_unavailable' });
    });
  });

  describeHealthRoute(startServer);
  describeOpenApi(startServer, [
    'POST /chat/message',
    'GET /chat/rooms',
    'GET /chat/rooms/{room}/history',
    'GET /chat/rooms/{room}/online',
    'GET /',
  ]);
  describeServerRules(startServer, { method: 'GET', url: '/chat/rooms/general/history' });
});
