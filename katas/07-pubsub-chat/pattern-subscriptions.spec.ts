import { countSubscribers } from '../../harness/count-subscribers.js';
import { expectPublishReached } from '../../harness/expect-publish-reached.js';
import { describe, expect, test } from '../../harness/test.js';
import { createRoomHub } from './room-hub.js';

const poll = { timeout: 5000, interval: 10 };

describe('step 2 · pattern subscriptions', () => {
  test('a watcher hears every room whose name matches the glob, with the room name', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: [frame: string, room: string][] = [];
    await hub.watch('team-*', (frame, room) => heard.push([frame, room]));
    await hub.publish('team-red', 'one');
    await hub.publish('lobby', 'not matching');
    await hub.publish('team-blue', 'two');
    await expect
      .poll(() => heard, poll)
      .toEqual([
        ['one', 'team-red'],
        ['two', 'team-blue'],
      ]);
  });

  test('a watcher hears a room nobody joined on this instance', async ({ redis, prefix, onTestFinished }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: string[] = [];
    await hub.watch('*', (_frame, room) => heard.push(room));
    await redis.publish(`${prefix}chat:{quiet}`, 'sent by another instance');
    await expect.poll(() => heard, poll).toEqual(['quiet']);
  });

  test('watchers of one pattern share one PSUBSCRIBE on the connection rooms use', async ({
    redis,
    prefix,
    onTestFinished,
  }) => {
    const counted = countSubscribers(redis);
    const hub = createRoomHub({ redis: counted.redis, namespace: prefix });
    onTestFinished(() => hub.close());
    await hub.join('team-red', () => undefined);
    const heard: string[] = [];
    await hub.watch('team-*', (frame) => heard.push(`first ${frame}`));
    await hub.watch('team-*', (frame) => heard.push(`second ${frame}`));
    expect(counted.subscribersOpened(), 'subscriber connections opened').toBe(1);
    expectPublishReached(
      redis,
      await hub.publish('team-blue', 'hi'),
      1,
      'subscriptions that got it: one pattern (Redis counts each pattern)',
    );
    await expect.poll(() => heard.sort(), poll).toEqual(['first hi', 'second hi']);
  });

  test('the last watcher to leave unsubscribes the pattern', async ({ redis, prefix, onTestFinished }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const stopFirst = await hub.watch('team-*', () => undefined);
    const stopSecond = await hub.watch('team-*', () => undefined);
    await stopFirst();
    expectPublishReached(redis, await hub.publish('team-red', 'x'), 1, 'subscriptions after one of two watchers left');
    await stopSecond();
    expectPublishReached(redis, await hub.publish('team-red', 'y'), 0, 'subscriptions after both left');
  });

  test('resubscribe watches every pattern again', async ({ redis, prefix, onTestFinished }) => {
    const hub = createRoomHub({ redis, namespace: prefix });
    onTestFinished(() => hub.close());
    const heard: string[] = [];
    await hub.watch('team-*', (frame) => heard.push(frame));
    await hub.resubscribe();
    expectPublishReached(redis, await hub.publish('team-red', 'after'), 1, 'subscriptions after resubscribe');
    await expect.poll(() => heard, poll).toEqual(['after']);
  });
});
