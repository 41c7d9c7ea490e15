import { describe, expect, test } from '../../harness/test.js';
import type { RedisAdapter } from '../redis-adapter.js';

/** a:1 b:2 c:3 d:4 e:5 */
async function addFive(redis: RedisAdapter, key: string) {
  await redis.zAdd(
    key,
    ['a', 'b', 'c', 'd', 'e'].map((member, index) => ({ member, score: index + 1 })),
  );
}

describe('zAdd', () => {
  test('zAdd returns how many members were added, not updated', async ({ redis, prefix }) => {
    expect(
      await redis.zAdd(`${prefix}z`, [
        { member: 'a', score: 1 },
        { member: 'b', score: 2 },
      ]),
    ).toBe(2);
    expect(
      await redis.zAdd(`${prefix}z`, [
        { member: 'a', score: 10 },
        { member: 'c', score: 3 },
      ]),
    ).toBe(1);
    expect(await redis.zScore(`${prefix}z`, 'a')).toBe(10);
  });

  test('zAdd with ch counts changed members too', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [{ member: 'a', score: 1 }]);
    const changed = await redis.zAdd(
      `${prefix}z`,
      [
        { member: 'a', score: 2 },
        { member: 'b', score: 1 },
      ],
      { ch: true },
    );
    expect(changed).toBe(2);
  });

  test('zAdd with nx adds new members and never updates existing ones', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [{ member: 'a', score: 1 }]);
    const added = await redis.zAdd(
      `${prefix}z`,
      [
        { member: 'a', score: 10 },
        { member: 'b', score: 2 },
      ],
      { nx: true },
    );
    expect(added).toBe(1);
    expect(await redis.zRangeWithScores(`${prefix}z`, 0, -1)).toEqual([
      { member: 'a', score: 1 },
      { member: 'b', score: 2 },
    ]);
  });

  test('zAdd with xx updates existing members and never adds new ones', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [{ member: 'a', score: 1 }]);
    const changed = await redis.zAdd(
      `${prefix}z`,
      [
        { member: 'a', score: 10 },
        { member: 'b', score: 2 },
      ],
      { xx: true, ch: true },
    );
    expect(changed).toBe(1);
    expect(await redis.zRangeWithScores(`${prefix}z`, 0, -1)).toEqual([{ member: 'a', score: 10 }]);
  });

  test('zAdd with gt only raises scores, and still adds new members', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [
      { member: 'a', score: 1 },
      { member: 'b', score: 5 },
    ]);
    const added = await redis.zAdd(
      `${prefix}z`,
      [
        { member: 'a', score: 3 },
        { member: 'b', score: 2 },
        { member: 'c', score: 4 },
      ],
      { gt: true },
    );
    expect(added).toBe(1);
    expect(await redis.zRangeWithScores(`${prefix}z`, 0, -1)).toEqual([
      { member: 'a', score: 3 },
      { member: 'c', score: 4 },
      { member: 'b', score: 5 },
    ]);
  });

  test('zAdd with lt only lowers scores, and still adds new members', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [
      { member: 'a', score: 1 },
      { member: 'b', score: 5 },
    ]);
    const added = await redis.zAdd(
      `${prefix}z`,
      [
        { member: 'a', score: 3 },
        { member: 'b', score: 2 },
        { member: 'c', score: 4 },
      ],
      { lt: true },
    );
    expect(added).toBe(1);
    expect(await redis.zRangeWithScores(`${prefix}z`, 0, -1)).toEqual([
      { member: 'a', score: 1 },
      { member: 'b', score: 2 },
      { member: 'c', score: 4 },
    ]);
  });

  test('zAdd with gt and ch counts only the raised and added members', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [
      { member: 'a', score: 1 },
      { member: 'b', score: 5 },
    ]);
    const changed = await redis.zAdd(
      `${prefix}z`,
      [
        { member: 'a', score: 3 },
        { member: 'b', score: 2 },
        { member: 'c', score: 4 },
      ],
      { gt: true, ch: true },
    );
    expect(changed).toBe(2);
    expect(await redis.zRange(`${prefix}z`, 0, -1)).toEqual(['a', 'c', 'b']);
  });

  test('zAdd with xx and gt raises an existing score and adds nothing', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [{ member: 'a', score: 1 }]);
    const changed = await redis.zAdd(
      `${prefix}z`,
      [
        { member: 'a', score: 7 },
        { member: 'b', score: 9 },
      ],
      { xx: true, gt: true, ch: true },
    );
    expect(changed).toBe(1);
    expect(await redis.zRangeWithScores(`${prefix}z`, 0, -1)).toEqual([{ member: 'a', score: 7 }]);
  });

  test('zAdd stores infinite scores, and zScore returns them as Infinity', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [
      { member: 'top', score: Number.POSITIVE_INFINITY },
      { member: 'bottom', score: Number.NEGATIVE_INFINITY },
    ]);
    expect(await redis.zScore(`${prefix}z`, 'top')).toBe(Number.POSITIVE_INFINITY);
    expect(await redis.zScore(`${prefix}z`, 'bottom')).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('scores and ranks', () => {
  test('zScore returns the score as a number', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [{ member: 'a', score: 1.5 }]);
    expect(await redis.zScore(`${prefix}z`, 'a')).toBe(1.5);
  });

  test('zScore returns null for a missing member', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [{ member: 'a', score: 1 }]);
    expect(await redis.zScore(`${prefix}z`, 'missing')).toBeNull();
    expect(await redis.zScore(`${prefix}missing`, 'a')).toBeNull();
  });

  test('zIncrBy counts a missing member from 0 and returns the new score as a number', async ({ redis, prefix }) => {
    expect(await redis.zIncrBy(`${prefix}z`, 2.5, 'a')).toBe(2.5);
    expect(await redis.zIncrBy(`${prefix}z`, -1, 'a')).toBe(1.5);
  });

  test('zRank and zRevRank return 0-based ranks, null for a missing member', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRank(`${prefix}z`, 'a')).toBe(0);
    expect(await redis.zRank(`${prefix}z`, 'd')).toBe(3);
    expect(await redis.zRevRank(`${prefix}z`, 'a')).toBe(4);
    expect(await redis.zRank(`${prefix}z`, 'missing')).toBeNull();
    expect(await redis.zRevRank(`${prefix}z`, 'missing')).toBeNull();
  });

  test('zCard returns the number of members, 0 for a missing key', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zCard(`${prefix}z`)).toBe(5);
    expect(await redis.zCard(`${prefix}missing`)).toBe(0);
  });

  test('zCount counts scores within bounds, with -inf, +inf and exclusive bounds', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zCount(`${prefix}z`, '-inf', '+inf')).toBe(5);
    expect(await redis.zCount(`${prefix}z`, 2, 4)).toBe(3);
    expect(await redis.zCount(`${prefix}z`, '(2', 4)).toBe(2);
    expect(await redis.zCount(`${prefix}z`, Number.NEGATIVE_INFINITY, '(3')).toBe(2);
  });
});

describe('zRange', () => {
  test('zRange by index returns members from lowest score, ties in member order', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [
      { member: 'c', score: 1 },
      { member: 'a', score: 2 },
      { member: 'b', score: 1 },
    ]);
    expect(await redis.zRange(`${prefix}z`, 0, -1)).toEqual(['b', 'c', 'a']);
  });

  test('zRange by index takes inclusive bounds and negative indexes', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRange(`${prefix}z`, 1, 2)).toEqual(['b', 'c']);
    expect(await redis.zRange(`${prefix}z`, -2, -1)).toEqual(['d', 'e']);
  });

  test('zRange with rev returns members from highest score', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRange(`${prefix}z`, 0, 1, { rev: true })).toEqual(['e', 'd']);
  });

  test('zRange by score takes -inf and +inf', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRange(`${prefix}z`, '-inf', '+inf', { by: 'score' })).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('zRange by score takes infinite numbers as bounds', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(
      await redis.zRange(`${prefix}z`, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, { by: 'score' }),
    ).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('zRange by score takes inclusive number bounds and exclusive ( bounds', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRange(`${prefix}z`, 2, 4, { by: 'score' })).toEqual(['b', 'c', 'd']);
    expect(await redis.zRange(`${prefix}z`, '(2', '(4', { by: 'score' })).toEqual(['c']);
  });

  test('zRange by score with rev takes the upper bound first', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRange(`${prefix}z`, 4, 2, { by: 'score', rev: true })).toEqual(['d', 'c', 'b']);
    expect(await redis.zRange(`${prefix}z`, '+inf', '(3', { by: 'score', rev: true })).toEqual(['e', 'd']);
  });

  test('zRange by score with limit skips offset members and returns at most count', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRange(`${prefix}z`, '-inf', '+inf', { by: 'score', limit: { offset: 1, count: 2 } })).toEqual([
      'b',
      'c',
    ]);
    expect(
      await redis.zRange(`${prefix}z`, '+inf', '-inf', { by: 'score', rev: true, limit: { offset: 0, count: 2 } }),
    ).toEqual(['e', 'd']);
  });

  test('zRange returns [] for a missing key', async ({ redis, prefix }) => {
    expect(await redis.zRange(`${prefix}missing`, 0, -1)).toEqual([]);
  });

  test('zRangeWithScores returns { member, score } with scores as numbers', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [
      { member: 'a', score: 1.5 },
      { member: 'b', score: 2 },
      { member: 'top', score: Number.POSITIVE_INFINITY },
    ]);
    expect(await redis.zRangeWithScores(`${prefix}z`, 0, -1)).toEqual([
      { member: 'a', score: 1.5 },
      { member: 'b', score: 2 },
      { member: 'top', score: Number.POSITIVE_INFINITY },
    ]);
  });

  test('zRangeWithScores by score with rev and limit', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(
      await redis.zRangeWithScores(`${prefix}z`, '+inf', '-inf', {
        by: 'score',
        rev: true,
        limit: { offset: 1, count: 2 },
      }),
    ).toEqual([
      { member: 'd', score: 4 },
      { member: 'c', score: 3 },
    ]);
  });
});

describe('removing', () => {
  test('zRem returns how many of the members were there', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRem(`${prefix}z`, 'a', 'b', 'missing')).toBe(2);
    expect(await redis.zRange(`${prefix}z`, 0, -1)).toEqual(['c', 'd', 'e']);
  });

  test('zRem of the last member deletes the key', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [{ member: 'a', score: 1 }]);
    await redis.zRem(`${prefix}z`, 'a');
    expect(await redis.exists(`${prefix}z`)).toBe(0);
  });

  test('zRemRangeByScore removes members within the bounds and returns how many', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zRemRangeByScore(`${prefix}z`, 2, '(4')).toBe(2);
    expect(await redis.zRange(`${prefix}z`, 0, -1)).toEqual(['a', 'd', 'e']);
    expect(await redis.zRemRangeByScore(`${prefix}z`, '-inf', '+inf')).toBe(3);
  });

  test('zPopMin removes and returns the lowest member as a one-element array', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zPopMin(`${prefix}z`)).toEqual([{ member: 'a', score: 1 }]);
    expect(await redis.zCard(`${prefix}z`)).toBe(4);
  });

  test('zPopMin with a count returns up to count lowest members, lowest first', async ({ redis, prefix }) => {
    await addFive(redis, `${prefix}z`);
    expect(await redis.zPopMin(`${prefix}z`, 2)).toEqual([
      { member: 'a', score: 1 },
      { member: 'b', score: 2 },
    ]);
    expect(await redis.zPopMin(`${prefix}z`, 10)).toEqual([
      { member: 'c', score: 3 },
      { member: 'd', score: 4 },
      { member: 'e', score: 5 },
    ]);
  });

  test('zPopMin returns [] for a missing key', async ({ redis, prefix }) => {
    expect(await redis.zPopMin(`${prefix}missing`)).toEqual([]);
  });

  test('zPopMin of the last member deletes the key', async ({ redis, prefix }) => {
    await redis.zAdd(`${prefix}z`, [{ member: 'a', score: 1 }]);
    await redis.zPopMin(`${prefix}z`);
    expect(await redis.exists(`${prefix}z`)).toBe(0);
  });
});

describe('zUnionStore', () => {
  async function addTwo(redis: RedisAdapter, prefix: string) {
    await redis.zAdd(`${prefix}a`, [
      { member: 'x', score: 1 },
      { member: 'y', score: 2 },
    ]);
    await redis.zAdd(`${prefix}b`, [
      { member: 'y', score: 3 },
      { member: 'z', score: 4 },
    ]);
  }

  test('zUnionStore stores the union with summed scores and returns its size', async ({ redis, slotPrefix }) => {
    await addTwo(redis, slotPrefix);
    expect(await redis.zUnionStore(`${slotPrefix}dst`, [`${slotPrefix}a`, `${slotPrefix}b`])).toBe(3);
    expect(await redis.zRangeWithScores(`${slotPrefix}dst`, 0, -1)).toEqual([
      { member: 'x', score: 1 },
      { member: 'z', score: 4 },
      { member: 'y', score: 5 },
    ]);
  });

  test('zUnionStore multiplies each set by its weight', async ({ redis, slotPrefix }) => {
    await addTwo(redis, slotPrefix);
    await redis.zUnionStore(`${slotPrefix}dst`, [`${slotPrefix}a`, `${slotPrefix}b`], { weights: [10, 1] });
    expect(await redis.zRangeWithScores(`${slotPrefix}dst`, 0, -1)).toEqual([
      { member: 'z', score: 4 },
      { member: 'x', score: 10 },
      { member: 'y', score: 23 },
    ]);
  });

  test('zUnionStore with aggregate max keeps the highest score', async ({ redis, slotPrefix }) => {
    await addTwo(redis, slotPrefix);
    await redis.zUnionStore(`${slotPrefix}dst`, [`${slotPrefix}a`, `${slotPrefix}b`], { aggregate: 'max' });
    expect(await redis.zRangeWithScores(`${slotPrefix}dst`, 0, -1)).toEqual([
      { member: 'x', score: 1 },
      { member: 'y', score: 3 },
      { member: 'z', score: 4 },
    ]);
  });

  test('zUnionStore with aggregate min keeps the lowest score', async ({ redis, slotPrefix }) => {
    await addTwo(redis, slotPrefix);
    await redis.zUnionStore(`${slotPrefix}dst`, [`${slotPrefix}a`, `${slotPrefix}b`], { aggregate: 'min' });
    expect(await redis.zScore(`${slotPrefix}dst`, 'y')).toBe(2);
  });

  test('zUnionStore replaces what the destination held', async ({ redis, slotPrefix }) => {
    await addTwo(redis, slotPrefix);
    await redis.zAdd(`${slotPrefix}dst`, [{ member: 'old', score: 100 }]);
    await redis.zUnionStore(`${slotPrefix}dst`, [`${slotPrefix}a`]);
    expect(await redis.zRange(`${slotPrefix}dst`, 0, -1)).toEqual(['x', 'y']);
  });
});
