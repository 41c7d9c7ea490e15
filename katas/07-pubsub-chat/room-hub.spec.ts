import { countSubscribers } from '../../harness/count-subscribers.js';
import { expectPublishReached } from '../../harness/expect-publish-reached.js';
import { describe, expect, test } from '../../harness/test.js';
import { createRoomHub } from './room-hub.js';

const poll = { timeout: 5000, interval: 10 };

describe('step 1 · publish/subscribe: one subscriber connection for every room', () => {
  test('a frame published to a room reaches every listener of that room', async ({ redis, prefix, onTestFinished }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const first: string[] = [];
    const second: string[] = [];
    await hub.join('general', (frame) => first.push(frame));
    await hub.join('general', (frame) => second.push(frame));
    await hub.publish('general', '{"n":1}');
    await expect.poll(() => [first, second], poll).toEqual([['{"n":1}'], ['{"n":1}']]);
  });

  test("a room's listeners hear none of another room's frames", async ({ redis, prefix, onTestFinished }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: string[] = [];
    await hub.join('general', (frame) => heard.push(frame));
    await hub.join('random', () => undefined);
    await hub.publish('random', 'not for general');
    await hub.publish('general', 'for general');
    await expect.poll(() => heard, poll).toEqual(['for general']);
  });

  test('every listener of every room shares one subscriber connection', async ({ redis, prefix, onTestFinished }) => {
    const counted = countSubscribers(redis);
    const hub = createRoomHub({ redis: counted.redis, namespace: prefix });
    onTestFinished(() => hub.close());
    for (const room of ['a', 'b', 'c'])
      for (let listener = 0; listener < 3; listener += 1) await hub.join(room, () => undefined);
    expect(counted.subscribersOpened(), 'subscriber connections opened for 9 listeners in 3 rooms').toBe(1);
    for (const room of ['a', 'b', 'c'])
      expectPublishReached(
        redis,
        await hub.publish(room, 'x'),
        1,
        `subscriber connections that got a frame of room ${room}`,
      );
  });

  test('the channel is <namespace>chat:{room}, with the room name verbatim', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: string[] = [];
    await hub.join('Room_1-b', (frame) => heard.push(frame));
    expectPublishReached(redis, await redis.publish(`${prefix}chat:{Room_1-b}`, 'sent by hand'), 1);
    await expect.poll(() => heard, poll).toEqual(['sent by hand']);
  });

  test('the last listener to leave unsubscribes the room; until then it stays subscribed', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const staying: string[] = [];
    const leaveFirst = await hub.join('general', () => undefined);
    const leaveSecond = await hub.join('general', (frame) => staying.push(frame));
    await leaveFirst();
    expectPublishReached(redis, await hub.publish('general', 'still here'), 1, 'subscribers after one of two left');
    await expect.poll(() => staying, poll).toEqual(['still here']);
    await leaveSecond();
    expectPublishReached(redis, await hub.publish('general', 'nobody'), 0, 'subscribers after both left');
  });

  test('frames of a room arrive in the order they were published', async ({ redis, prefix, onTestFinished }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: string[] = [];
    await hub.join('general', (frame) => heard.push(frame));
    const sent = Array.from({ length: 50 }, (_, index) => String(index));
    await Promise.all(sent.map((frame) => hub.publish('general', frame)));
    await expect.poll(() => heard, poll).toEqual(sent);
  });

  test('resubscribe opens a fresh connection and listens to every room again', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const counted = countSubscribers(redis);
    const hub = createRoomHub({ redis: counted.redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: string[] = [];
    await hub.join('general', (frame) => heard.push(frame));
    await hub.resubscribe();
    expect(counted.subscribersOpened(), 'subscriber connections opened').toBe(2);
    expectPublishReached(
      redis,
      await hub.publish('general', 'after'),
      1,
      'subscribers of the room (the old connection closed)',
    );
    await expect.poll(() => heard, poll).toEqual(['after']);
  });

  test('a join while Redis is down rejects, and a join once it is back works', async ({
    outage,
    prefix,
    onTestFinished,
  }) => {
    const hub = createRoomHub({ redis: outage.redis, namespace: prefix });
    onTestFinished(() => hub.close());
    expectPublishReached(outage.redis, await hub.publish('general', 'before'), 0, 'subscribers before the outage');
    await outage.goDown();
    await expect(hub.join('general', () => undefined)).rejects.toThrow(/unavailable|unreachable|closed/i);
    await outage.comeBack();
    const heard: string[] = [];
    await expect
      .poll(
        async () => {
          await hub.join('general', (frame) => heard.push(frame));
          return true;
        },
        { timeout: 5000, interval: 100 },
      )
      .toBe(true);
    await outage.redis.publish(`${prefix}chat:{general}`, 'back');
    await expect.poll(() => heard.includes('back'), poll).toBe(true);
  });
});
