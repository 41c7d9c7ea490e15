import { describe, expect, test } from '../../harness/test.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { sleep, timed } from './support.js';

describe('lists', () => {
  test('lPush inserts each value at the head and returns the new length', async ({ redis, prefix }) => {
    expect(await redis.lPush(`${prefix}l`, 'a', 'b')).toBe(2);
    expect(await redis.lPush(`${prefix}l`, 'c')).toBe(3);
    expect(await redis.lRange(`${prefix}l`, 0, -1)).toEqual(['c', 'b', 'a']);
  });

  test('rPush appends at the tail and returns the new length', async ({ redis, prefix }) => {
    expect(await redis.rPush(`${prefix}l`, 'a', 'b')).toBe(2);
    expect(await redis.rPush(`${prefix}l`, 'c')).toBe(3);
    expect(await redis.lRange(`${prefix}l`, 0, -1)).toEqual(['a', 'b', 'c']);
  });

  test('lRange takes inclusive bounds and negative indexes from the tail', async ({ redis, prefix }) => {
    await redis.rPush(`${prefix}l`, 'a', 'b', 'c', 'd');
    expect(await redis.lRange(`${prefix}l`, 1, 2)).toEqual(['b', 'c']);
    expect(await redis.lRange(`${prefix}l`, -2, -1)).toEqual(['c', 'd']);
    expect(await redis.lRange(`${prefix}missing`, 0, -1)).toEqual([]);
  });

  test('lPop and rPop remove and return the head and the tail', async ({ redis, prefix }) => {
    await redis.rPush(`${prefix}l`, 'a', 'b', 'c');
    expect(await redis.lPop(`${prefix}l`)).toBe('a');
    expect(await redis.rPop(`${prefix}l`)).toBe('c');
    expect(await redis.lRange(`${prefix}l`, 0, -1)).toEqual(['b']);
  });

  test('lPop and rPop return null for a missing list', async ({ redis, prefix }) => {
    expect(await redis.lPop(`${prefix}missing`)).toBeNull();
    expect(await redis.rPop(`${prefix}missing`)).toBeNull();
  });

  test('popping the last element deletes the list', async ({ redis, prefix }) => {
    await redis.rPush(`${prefix}l`, 'only');
    await redis.lPop(`${prefix}l`);
    expect(await redis.exists(`${prefix}l`)).toBe(0);
    expect(await redis.type(`${prefix}l`)).toBe('none');
  });

  test('lLen returns the length, 0 for a missing list', async ({ redis, prefix }) => {
    await redis.rPush(`${prefix}l`, 'a', 'b');
    expect(await redis.lLen(`${prefix}l`)).toBe(2);
    expect(await redis.lLen(`${prefix}missing`)).toBe(0);
  });

  test('lRem with count 0 removes every occurrence and returns how many', async ({ redis, prefix }) => {
    await redis.rPush(`${prefix}l`, 'x', 'a', 'x', 'b', 'x');
    expect(await redis.lRem(`${prefix}l`, 0, 'x')).toBe(3);
    expect(await redis.lRange(`${prefix}l`, 0, -1)).toEqual(['a', 'b']);
  });

  test('lRem with a positive count removes from the head, a negative count from the tail', async ({
    redis,
    prefix,
  }) => {
    await redis.rPush(`${prefix}head`, 'x', 'a', 'x', 'b', 'x');
    expect(await redis.lRem(`${prefix}head`, 1, 'x')).toBe(1);
    expect(await redis.lRange(`${prefix}head`, 0, -1)).toEqual(['a', 'x', 'b', 'x']);
    await redis.rPush(`${prefix}tail`, 'x', 'a', 'x', 'b', 'x');
    expect(await redis.lRem(`${prefix}tail`, -2, 'x')).toBe(2);
    expect(await redis.lRange(`${prefix}tail`, 0, -1)).toEqual(['x', 'a', 'b']);
  });

  test('lTrim keeps only the given range', async ({ redis, prefix }) => {
    await redis.rPush(`${prefix}l`, 'a', 'b', 'c', 'd', 'e');
    expect(await redis.lTrim(`${prefix}l`, 0, 2)).toBeUndefined();
    expect(await redis.lRange(`${prefix}l`, 0, -1)).toEqual(['a', 'b', 'c']);
  });

  test('lMove pops from one end of the source, pushes to one end of the destination, and returns it', async ({
    redis,
    slotPrefix,
  }) => {
    await redis.rPush(`${slotPrefix}src`, 'a', 'b', 'c');
    await redis.rPush(`${slotPrefix}dst`, 'x');
    expect(await redis.lMove(`${slotPrefix}src`, `${slotPrefix}dst`, 'right', 'left')).toBe('c');
    expect(await redis.lRange(`${slotPrefix}src`, 0, -1)).toEqual(['a', 'b']);
    expect(await redis.lRange(`${slotPrefix}dst`, 0, -1)).toEqual(['c', 'x']);
    expect(await redis.lMove(`${slotPrefix}src`, `${slotPrefix}dst`, 'left', 'right')).toBe('a');
    expect(await redis.lRange(`${slotPrefix}dst`, 0, -1)).toEqual(['c', 'x', 'a']);
  });

  test('lMove returns null and changes nothing when the source is empty', async ({ redis, slotPrefix }) => {
    expect(await redis.lMove(`${slotPrefix}missing`, `${slotPrefix}dst`, 'left', 'right')).toBeNull();
    expect(await redis.exists(`${slotPrefix}dst`)).toBe(0);
  });
});

describe('blocking pops', () => {
  test('blPop returns an element that is already there at once, with its key', async ({ redis, slotPrefix }) => {
    const worker = await redis.blocking();
    try {
      await redis.rPush(`${slotPrefix}b`, 'job-1', 'job-2');
      expect(await worker.blPop([`${slotPrefix}a`, `${slotPrefix}b`], 1)).toEqual({
        key: `${slotPrefix}b`,
        element: 'job-1',
      });
    } finally {
      await worker.close();
    }
  });

  test('blPop returns an element pushed 50 ms later', async ({ redis, prefix }) => {
    const worker = await redis.blocking();
    try {
      const popped = worker.blPop([`${prefix}jobs`], 1);
      await sleep(50);
      await redis.rPush(`${prefix}jobs`, 'job-1');
      expect(await popped).toEqual({ key: `${prefix}jobs`, element: 'job-1' });
      expect(await redis.lLen(`${prefix}jobs`)).toBe(0);
    } finally {
      await worker.close();
    }
  });

  test('blPop wakes up as soon as an element arrives, not at its timeout', async ({ redis, prefix, skip }) => {
    skip(
      !redis.capabilities.blockingPops,
      `the ${redis.backend} backend polls for blocking pops instead of waking up (capabilities.blockingPops)`,
    );
    const worker = await redis.blocking();
    try {
      const popped = timed(worker.blPop([`${prefix}jobs`], 2));
      await sleep(50);
      await redis.rPush(`${prefix}jobs`, 'job-1');
      const { ms, result } = await popped;
      expect(result).toEqual({ status: 'fulfilled', value: { key: `${prefix}jobs`, element: 'job-1' } });
      // Well before the 2 s timeout, with room for a busy machine.
      expect(ms, 'ms until the pop answered, for an element pushed after 50 ms').toBeLessThan(1_000);
    } finally {
      await worker.close();
    }
  });

  test('blPop returns null when its timeout passes with no element', async ({ redis, prefix }) => {
    const worker = await redis.blocking();
    try {
      const { ms, result } = await timed(worker.blPop([`${prefix}empty`], 0.2));
      expect(result).toEqual({ status: 'fulfilled', value: null });
      expect(ms).toBeGreaterThanOrEqual(150);
      expect(ms).toBeLessThan(1200);
    } finally {
      await worker.close();
    }
  });

  test('a blocking connection takes another pop after one timed out', async ({ redis, prefix }) => {
    const worker = await redis.blocking();
    try {
      expect(await worker.blPop([`${prefix}jobs`], 0.1)).toBeNull();
      await redis.rPush(`${prefix}jobs`, 'job-1');
      expect(await worker.blPop([`${prefix}jobs`], 1)).toEqual({ key: `${prefix}jobs`, element: 'job-1' });
    } finally {
      await worker.close();
    }
  });

  test('a PING on the adapter is not delayed by a pop waiting on the blocking connection', async ({
    redis,
    prefix,
  }) => {
    const worker = await redis.blocking();
    try {
      const popped = worker.blPop([`${prefix}jobs`], 2);
      await sleep(50);
      const { ms, result } = await timed(redis.ping());
      expect(result).toEqual({ status: 'fulfilled', value: 'PONG' });
      // Queued behind the pop, the PING would wait out its 2 s timeout.
      expect(ms, 'ms for a PING while a pop waits 2 s').toBeLessThan(1_000);
      await redis.rPush(`${prefix}jobs`, 'release');
      expect(await popped).toEqual({ key: `${prefix}jobs`, element: 'release' });
    } finally {
      await worker.close();
    }
  });

  test('brPop pops the tail', async ({ redis, prefix }) => {
    const worker = await redis.blocking();
    try {
      await redis.rPush(`${prefix}jobs`, 'a', 'b');
      expect(await worker.brPop([`${prefix}jobs`], 1)).toEqual({ key: `${prefix}jobs`, element: 'b' });
    } finally {
      await worker.close();
    }
  });

  test('blMove moves an element pushed 50 ms later and returns it', async ({ redis, slotPrefix }) => {
    const worker = await redis.blocking();
    try {
      const moved = worker.blMove(`${slotPrefix}queue`, `${slotPrefix}processing`, 'right', 'left', 1);
      await sleep(50);
      await redis.lPush(`${slotPrefix}queue`, 'job-1');
      expect(await moved).toBe('job-1');
      expect(await redis.lRange(`${slotPrefix}processing`, 0, -1)).toEqual(['job-1']);
      expect(await redis.lLen(`${slotPrefix}queue`)).toBe(0);
    } finally {
      await worker.close();
    }
  });

  test('blMove returns null when its timeout passes with no element', async ({ redis, slotPrefix }) => {
    const worker = await redis.blocking();
    try {
      expect(await worker.blMove(`${slotPrefix}queue`, `${slotPrefix}processing`, 'right', 'left', 0.2)).toBeNull();
      expect(await redis.exists(`${slotPrefix}processing`)).toBe(0);
    } finally {
      await worker.close();
    }
  });

  test('bzPopMin returns { key, member, score } of the lowest score, the score as a number', async ({
    redis,
    prefix,
  }) => {
    const worker = await redis.blocking();
    try {
      await redis.zAdd(`${prefix}z`, [
        { member: 'b', score: 2.5 },
        { member: 'a', score: 1.5 },
      ]);
      expect(await worker.bzPopMin([`${prefix}z`], 1)).toEqual({ key: `${prefix}z`, member: 'a', score: 1.5 });
      expect(await redis.zCard(`${prefix}z`)).toBe(1);
    } finally {
      await worker.close();
    }
  });

  test('bzPopMin returns null when its timeout passes with no member', async ({ redis, prefix }) => {
    const worker = await redis.blocking();
    try {
      expect(await worker.bzPopMin([`${prefix}z`], 0.2)).toBeNull();
    } finally {
      await worker.close();
    }
  });

  test('closing the blocking connection rejects a pop in progress with RedisUnavailableError', async ({
    redis,
    prefix,
  }) => {
    const worker = await redis.blocking();
    const popped = worker.blPop([`${prefix}jobs`], 1);
    popped.catch(() => undefined);
    await sleep(50);
    await worker.close();
    await expect(popped).rejects.toBeInstanceOf(RedisUnavailableError);
  });

  test('close of a blocking connection is idempotent', async ({ redis }) => {
    const worker = await redis.blocking();
    await worker.close();
    await expect(worker.close()).resolves.toBeUndefined();
  });
});
