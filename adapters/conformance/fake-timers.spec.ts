/**
 * Specs may fake timers to test the learner's own time logic. Redis' clock never follows
 * them (see `fake-timers-expire` in adapters/mock/deviations.ts); the adapters must still
 * answer. node-redis writes via `setImmediate`, so `setImmediate` stays real.
 */

import { expectPublishReached } from '../../harness/expect-publish-reached.js';
import { describe, expect, test, vi } from '../../harness/test.js';
import { within } from './support.js';

const toFake = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

describe('fake timers', () => {
  test('commands, batches and scripts settle while setTimeout, setInterval and Date are faked', async ({
    redis,
    slotPrefix,
  }) => {
    vi.useFakeTimers({ toFake: [...toFake] });
    try {
      const work = (async () => {
        await redis.set(`${slotPrefix}k`, 'v', { ex: 100 });
        const replies = await redis.multi().get(`${slotPrefix}k`).incr(`${slotPrefix}n`).exec();
        const script = await redis
          .defineScript(`-- ${slotPrefix}\nreturn redis.call('GET', KEYS[1])`)
          .run([`${slotPrefix}k`], []);
        return { replies, script };
      })();
      expect(await within(1000, work, 'commands under fake timers')).toEqual({ replies: ['v', 1], script: 'v' });
    } finally {
      vi.useRealTimers();
    }
  });

  test('a subscriber receives messages while setTimeout, setInterval and Date are faked', async ({
    redis,
    channelPrefix,
  }) => {
    const subscriber = await redis.subscriber();
    vi.useFakeTimers({ toFake: [...toFake] });
    try {
      const received: string[] = [];
      await within(
        1000,
        subscriber.subscribe(`${channelPrefix}news`, (message) => received.push(message)),
      );
      expectPublishReached(redis, await within(1000, redis.publish(`${channelPrefix}news`, 'hello')), 1);
      await within(
        1000,
        vi.waitUntil(() => received.length > 0, { timeout: 1000, interval: 10 }),
        'delivery under fake timers',
      );
      expect(received).toEqual(['hello']);
    } finally {
      vi.useRealTimers();
      await subscriber.close();
    }
  });
});
