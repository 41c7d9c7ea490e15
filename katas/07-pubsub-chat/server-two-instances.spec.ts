import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { countSubscribers } from '../../harness/count-subscribers.js';
import { expectPublishReached } from '../../harness/expect-publish-reached.js';
import { startInstances } from '../../harness/http/app-instances.js';
import { type Frame, listenOnFreePort, openSocket } from '../../harness/http/ws-client.js';
import { describe, expect, test } from '../../harness/test.js';
import { buildServer } from './server.js';

const isMessage = (text: string) => (frame: Frame) => frame.type === 'message' && frame.text === text;
/** Two instances of the server, each on an adapter of its own to the same Redis; closed when the test ends. */
const twoInstances = (connect: () => RedisAdapter, prefix: string, onTestFinished: (fn: () => Promise<void>) => void) =>
  startInstances(2, { connect, build: (redis) => buildServer({ redis, prefix }), onTestFinished });
const texts = (frames: readonly Frame[]) => frames.filter((frame) => frame.type === 'message').map((f) => f.text);

describe('step 6 · two instances, one Redis', () => {
  test('a message sent on one instance reaches the sockets on the other', async ({
    connect,
    prefix,
    onTestFinished,
  }) => {
    const [one, two] = await twoInstances(connect, prefix, onTestFinished);
    const ada = await openSocket(`${one?.ws}/ws/chat/general?user=ada`);
    const bob = await openSocket(`${two?.ws}/ws/chat/general?user=bob`);
    ada.send({ text: 'hello from one' });
    await bob.next(isMessage('hello from one'), 'the message from instance one');
    bob.send({ text: 'hello from two' });
    await ada.next(isMessage('hello from two'), 'the message from instance two');
  });

  test('each instance opens one subscriber connection; Redis counts one per instance per room', async ({
    connect,
    redis,
    prefix,
    onTestFinished,
  }) => {
    const counted: ReturnType<typeof countSubscribers>[] = [];
    const instances = await startInstances(2, {
      connect,
      build: (adapter: RedisAdapter) => {
        const each = countSubscribers(adapter);
        counted.push(each);
        return buildServer({ redis: each.redis, prefix });
      },
      onTestFinished,
    });
    for (const instance of instances)
      for (const user of ['ada', 'bob', 'cy']) await openSocket(`${instance.ws}/ws/chat/general?user=${user}`);
    expect(
      counted.map((each) => each.subscribersOpened()),
      'subscriber connections per instance, 3 sockets each',
    ).toEqual([1, 1]);
    expectPublishReached(redis, await redis.publish(`${prefix}chat:{general}`, '{}'), 2, 'subscribers of the room');
  });

  test('messages of a room keep one order on every socket of both instances', async ({
    connect,
    prefix,
    onTestFinished,
  }) => {
    const instances = await twoInstances(connect, prefix, onTestFinished);
    const sockets = [];
    for (const instance of instances)
      for (const user of ['ada', 'bob']) sockets.push(await openSocket(`${instance.ws}/ws/chat/general?user=${user}`));
    for (let index = 0; index < 20; index += 1)
      for (const [at, socket] of sockets.entries()) socket.send({ text: `${at}:${index}` });
    for (const socket of sockets)
      for (let at = 0; at < sockets.length; at += 1) await socket.next(isMessage(`${at}:19`), `message ${at}:19`);
    const orders = sockets.map((socket) => texts(socket.frames));
    expect(orders[0]?.length, 'messages each socket heard').toBe(80);
    for (const order of orders.slice(1)) expect(order, 'the same order as the first socket').toEqual(orders[0]);
    const history = await instances[1]?.app.inject({ url: '/chat/rooms/general/history?limit=80' });
    expect(history?.json().messages.map((message: { text: string }) => message.text)).toEqual(orders[0]);
  });

  test('presence spans instances: a user stays online until their sockets on both have closed', async ({
    connect,
    prefix,
    onTestFinished,
  }) => {
    const [one, two] = await twoInstances(connect, prefix, onTestFinished);
    const online = async () => (await one?.app.inject({ url: '/chat/rooms/general/online' }))?.json().users;
    const onOne = await openSocket(`${one?.ws}/ws/chat/general?user=ada`);
    const onTwo = await openSocket(`${two?.ws}/ws/chat/general?user=ada`);
    await onOne.close();
    await expect.poll(online, { timeout: 1000, interval: 50 }).toEqual(['ada']);
    await onTwo.close();
    await expect.poll(online, { timeout: 5000, interval: 50 }).toEqual([]);
  });

  test('a watcher on one instance hears rooms joined only on the other', async ({
    connect,
    prefix,
    onTestFinished,
  }) => {
    const [one, two] = await twoInstances(connect, prefix, onTestFinished);
    const watcher = await openSocket(`${one?.ws}/ws/watch?pattern=*`);
    const ada = await openSocket(`${two?.ws}/ws/chat/elsewhere?user=ada`);
    ada.send({ text: 'far away' });
    expect(await watcher.next(isMessage('far away'), 'the message of room elsewhere')).toMatchObject({
      room: 'elsewhere',
      user: 'ada',
    });
  });

  test('the users of an instance that lost Redis drop out of the other within the presence TTL', async ({
    redis,
    outage,
    prefix,
    onTestFinished,
  }) => {
    // A TTL of a second, refreshed every 200 ms: bob's entry only lapses if the living
    // instance stalls 800 ms.
    const options = { prefix, heartbeatMs: 200, presenceTtlMs: 1000 };
    const living = await buildServer({ redis, ...options });
    const dying = await buildServer({ redis: outage.redis, ...options });
    onTestFinished(async () => {
      await living.close();
      await dying.close();
    });
    const livingUrl = (await listenOnFreePort(living)).ws;
    const dyingUrl = (await listenOnFreePort(dying)).ws;
    await openSocket(`${livingUrl}/ws/chat/general?user=bob`);
    await openSocket(`${dyingUrl}/ws/chat/general?user=ada`);
    const online = async () => (await living.inject({ url: '/chat/rooms/general/online' })).json().users;
    expect(await online()).toEqual(['ada', 'bob']);
    await outage.goDown(); // ada's instance can no longer refresh her entry, nor remove it
    await expect.poll(online, { timeout: 5000, interval: 50 }).toEqual(['bob']);
  });
});
