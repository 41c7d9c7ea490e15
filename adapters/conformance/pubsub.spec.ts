import { expectPublishReached } from '../../harness/expect-publish-reached.js';
import { describe, expect, test } from '../../harness/test.js';
import { sleep, within } from './support.js';

const poll = { timeout: 1000, interval: 10 };

describe('pub/sub', () => {
  test('subscribe delivers each published message with its channel', async ({ redis, channelPrefix }) => {
    const subscriber = await redis.subscriber();
    try {
      const received: [message: string, channel: string][] = [];
      await subscriber.subscribe(`${channelPrefix}news`, (message, channel) => received.push([message, channel]));
      await redis.publish(`${channelPrefix}news`, 'first');
      await redis.publish(`${channelPrefix}news`, 'second');
      await expect
        .poll(() => received, poll)
        .toEqual([
          ['first', `${channelPrefix}news`],
          ['second', `${channelPrefix}news`],
        ]);
    } finally {
      await subscriber.close();
    }
  });

  test('subscribe does not deliver messages of other channels', async ({ redis, channelPrefix }) => {
    const subscriber = await redis.subscriber();
    try {
      const received: string[] = [];
      await subscriber.subscribe(`${channelPrefix}news`, (message) => received.push(message));
      await redis.publish(`${channelPrefix}other`, 'not for you');
      await redis.publish(`${channelPrefix}news`, 'for you');
      await expect.poll(() => received, poll).toEqual(['for you']);
    } finally {
      await subscriber.close();
    }
  });

  test('pSubscribe delivers messages of matching channels with the channel and the pattern', async ({
    redis,
    channelPrefix,
  }) => {
    const subscriber = await redis.subscriber();
    try {
      const pattern = `${channelPrefix}room:*`;
      const received: [message: string, channel: string, pattern: string][] = [];
      await subscriber.pSubscribe(pattern, (message, channel, matched) => received.push([message, channel, matched]));
      await redis.publish(`${channelPrefix}room:1`, 'hello');
      await redis.publish(`${channelPrefix}lobby`, 'not matching');
      await redis.publish(`${channelPrefix}room:2`, 'hi');
      await expect
        .poll(() => received, poll)
        .toEqual([
          ['hello', `${channelPrefix}room:1`, pattern],
          ['hi', `${channelPrefix}room:2`, pattern],
        ]);
    } finally {
      await subscriber.close();
    }
  });

  test('publish returns how many subscribers received the message', async ({ redis, channelPrefix, skip }) => {
    skip(
      !redis.capabilities.publishCountsEverySubscriber,
      `on the ${redis.backend} backend PUBLISH counts only the subscribers of one node (capabilities.publishCountsEverySubscriber)`,
    );
    const first = await redis.subscriber();
    const second = await redis.subscriber();
    try {
      expect(await redis.publish(`${channelPrefix}news`, 'nobody listens')).toBe(0);
      await first.subscribe(`${channelPrefix}news`, () => undefined);
      expect(await redis.publish(`${channelPrefix}news`, 'one listens')).toBe(1);
      await second.subscribe(`${channelPrefix}news`, () => undefined);
      expect(await redis.publish(`${channelPrefix}news`, 'two listen')).toBe(2);
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('unsubscribe by name stops delivery on that channel only', async ({ redis, channelPrefix }) => {
    const subscriber = await redis.subscriber();
    try {
      const received: string[] = [];
      await subscriber.subscribe(`${channelPrefix}a`, (message) => received.push(message));
      await subscriber.subscribe(`${channelPrefix}b`, (message) => received.push(message));
      await subscriber.unsubscribe(`${channelPrefix}a`);
      expect(await redis.publish(`${channelPrefix}a`, 'after unsubscribe')).toBe(0);
      expectPublishReached(redis, await redis.publish(`${channelPrefix}b`, 'still subscribed'), 1);
      await expect.poll(() => received, poll).toEqual(['still subscribed']);
    } finally {
      await subscriber.close();
    }
  });

  test('pUnsubscribe by pattern stops delivery for that pattern', async ({ redis, channelPrefix }) => {
    const subscriber = await redis.subscriber();
    try {
      const received: string[] = [];
      await subscriber.pSubscribe(`${channelPrefix}*`, (message) => received.push(message));
      await subscriber.pUnsubscribe(`${channelPrefix}*`);
      expect(await redis.publish(`${channelPrefix}x`, 'after punsubscribe')).toBe(0);
      await sleep(50);
      expect(received).toEqual([]);
    } finally {
      await subscriber.close();
    }
  });

  test('a subscription and a pattern subscription on one connection both deliver', async ({ redis, channelPrefix }) => {
    const subscriber = await redis.subscriber();
    try {
      const received: string[] = [];
      await subscriber.subscribe(`${channelPrefix}news`, (message) => received.push(`channel:${message}`));
      await subscriber.pSubscribe(`${channelPrefix}n*`, (message) => received.push(`pattern:${message}`));
      expectPublishReached(redis, await redis.publish(`${channelPrefix}news`, 'both'), 2);
      await expect.poll(() => [...received].sort(), poll).toEqual(['channel:both', 'pattern:both']);
    } finally {
      await subscriber.close();
    }
  });

  test('unsubscribing a channel and a pattern from one connection settles, and the connection still works', async ({
    redis,
    channelPrefix,
  }) => {
    const subscriber = await redis.subscriber();
    try {
      const received: string[] = [];
      await subscriber.subscribe(`${channelPrefix}news`, (message) => received.push(message));
      await subscriber.pSubscribe(`${channelPrefix}n*`, (message) => received.push(message));
      await within(1000, subscriber.unsubscribe(`${channelPrefix}news`), 'unsubscribe');
      await within(1000, subscriber.pUnsubscribe(`${channelPrefix}n*`), 'pUnsubscribe');
      expect(await redis.publish(`${channelPrefix}news`, 'nobody listens')).toBe(0);
      await within(
        1000,
        subscriber.subscribe(`${channelPrefix}again`, (message) => received.push(message)),
      );
      expectPublishReached(redis, await redis.publish(`${channelPrefix}again`, 'back'), 1);
      await expect.poll(() => received, poll).toEqual(['back']);
    } finally {
      await within(1000, subscriber.close(), 'close');
    }
  });

  test('close stops delivery and is idempotent', async ({ redis, channelPrefix }) => {
    const subscriber = await redis.subscriber();
    const received: string[] = [];
    await subscriber.subscribe(`${channelPrefix}news`, (message) => received.push(message));
    await subscriber.close();
    await expect(subscriber.close()).resolves.toBeUndefined();
    await expect.poll(() => redis.publish(`${channelPrefix}news`, 'after close'), poll).toBe(0);
    await sleep(50);
    expect(received).toEqual([]);
  });
});
