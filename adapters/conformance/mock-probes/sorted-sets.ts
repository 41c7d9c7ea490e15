import { expect } from 'vitest';
import type { DeviationProbes } from './probe.js';

const inf = Number.POSITIVE_INFINITY;

export const sortedSetProbes: DeviationProbes = {
  'missing-zunionstore': {
    async raw({ send }) {
      await expect(send('ZUNIONSTORE', 'dst', 1, 'a')).rejects.toThrow(/Unsupported command/);
    },
    async adapter({ redis, prefix }) {
      await redis.zAdd(`${prefix}a`, [{ member: 'x', score: 1 }]);
      await redis.zAdd(`${prefix}b`, [
        { member: 'x', score: 2 },
        { member: 'y', score: 3 },
      ]);
      expect(
        await redis.zUnionStore(`${prefix}dst`, [`${prefix}a`, `${prefix}b`], { weights: [10, 1], aggregate: 'max' }),
      ).toBe(2);
      expect(await redis.zRangeWithScores(`${prefix}dst`, 0, -1)).toEqual([
        { member: 'y', score: 3 },
        { member: 'x', score: 10 },
      ]);
    },
  },

  'zadd-options': {
    async raw({ send }) {
      await expect(send('ZADD', 'z', 'GT', 1, 'a')).rejects.toThrow(/syntax error/);
      await send('ZADD', 'ch', 1, 'a');
      await send('ZADD', 'ch', 'GT', 'CH', 2, 'a');
      expect(await send('ZRANGE', 'ch', 0, -1)).toContain('CH');

      await send('ZADD', 'incr', 1, 'a');
      expect(await send('ZADD', 'incr', 'INCR', 5, 'a')).toBe(0);

      await send('ZADD', 'ch', 1, 'a');
      expect(await send('ZADD', 'ch', 'CH', 1, 'a')).toBe(1);
    },
    async adapter({ redis, prefix }) {
      await redis.zAdd(`${prefix}z`, [
        { member: 'a', score: 5 },
        { member: 'b', score: 5 },
      ]);
      expect(
        await redis.zAdd(
          `${prefix}z`,
          [
            { member: 'a', score: 7 },
            { member: 'b', score: 3 },
          ],
          { gt: true, ch: true },
        ),
      ).toBe(1);
      expect(await redis.zAdd(`${prefix}z`, [{ member: 'b', score: 1 }], { lt: true })).toBe(0);
      expect(await redis.zRangeWithScores(`${prefix}z`, 0, -1)).toEqual([
        { member: 'b', score: 1 },
        { member: 'a', score: 7 },
      ]);

      await redis.zAdd(`${prefix}incr`, [{ member: 'a', score: 1 }]);
      expect(await redis.sendCommand(['ZADD', `${prefix}incr`, 'INCR', '5', 'a'])).toBe('6');
      expect(await redis.sendCommand(['ZADD', `${prefix}incr`, 'NX', 'INCR', '5', 'a'])).toBeNull();
      expect(await redis.zScore(`${prefix}incr`, 'a')).toBe(6);

      await redis.zAdd(`${prefix}ch`, [{ member: 'a', score: 1 }]);
      expect(await redis.zAdd(`${prefix}ch`, [{ member: 'a', score: 1 }], { ch: true })).toBe(0);
    },
  },

  'infinite-scores': {
    async raw({ send }) {
      await send('ZADD', 'z', '+inf', 'a', 'abc', 'b');
      expect(await send('ZSCORE', 'z', 'a')).toBe('NaN');
      expect(await send('ZSCORE', 'z', 'b')).toBe('NaN');
    },
    async adapter({ redis, prefix }) {
      await redis.zAdd(`${prefix}z`, [
        { member: 'top', score: inf },
        { member: 'bottom', score: -inf },
      ]);
      expect(await redis.zRangeWithScores(`${prefix}z`, 0, -1)).toEqual([
        { member: 'bottom', score: -inf },
        { member: 'top', score: inf },
      ]);
      expect(await redis.sendCommand(['ZSCORE', `${prefix}z`, 'top'])).toBe('inf');
      expect(await redis.zIncrBy(`${prefix}z`, inf, 'new')).toBe(inf);
      await expect(redis.sendCommand(['ZADD', `${prefix}z`, 'abc', 'm'])).rejects.toMatchObject({
        message: 'ERR value is not a valid float',
      });
    },
  },

  'score-ranges': {
    async raw({ send }) {
      await send('ZADD', 'z', 1.5, 'a', 2, 'b');
      expect(await send('ZRANGEBYSCORE', 'z', 1.2, 1.8)).toEqual([]);
      expect(await send('ZCOUNT', 'z', 1.2, 1.8)).toBe(0);
      await send('ZADD', 'ties', 1, '😀', 1, 'Ａ');
      expect(await send('ZRANGE', 'ties', 0, -1)).toEqual(['😀', 'Ａ']);
    },
    async adapter({ redis, prefix }) {
      await redis.zAdd(`${prefix}z`, [
        { member: 'low', score: -inf },
        { member: 'a', score: 1.5 },
        { member: 'b', score: 2 },
        { member: 'high', score: inf },
      ]);
      expect(await redis.zRange(`${prefix}z`, 1.2, 1.8, { by: 'score' })).toEqual(['a']);
      expect(await redis.zCount(`${prefix}z`, 1.2, 1.8)).toBe(1);
      expect(await redis.zRange(`${prefix}z`, '-inf', '+inf', { by: 'score' })).toEqual(['low', 'a', 'b', 'high']);
      expect(await redis.zRange(`${prefix}z`, '(1.5', 2, { by: 'score' })).toEqual(['b']);
      expect(await redis.zRemRangeByScore(`${prefix}z`, '-inf', 1.5)).toBe(2);
      expect(await redis.zCount(`${prefix}z`, '(', '+inf')).toBe(2);
      expect(await redis.zRange(`${prefix}z`, 0, -1, { limit: { offset: 0, count: -1 } })).toEqual(['b', 'high']);
      // Ties in byte order: é (C3 A9) < Ａ (EF BC A1) < 😀 (F0 9F 98 80) in UTF-8.
      await redis.zAdd(
        `${prefix}ties`,
        ['😀', 'Ａ', 'é'].map((member) => ({ member, score: 1 })),
      );
      expect(await redis.zRange(`${prefix}ties`, 0, -1)).toEqual(['é', 'Ａ', '😀']);
      expect(await redis.zRank(`${prefix}ties`, '😀')).toBe(2);
    },
  },

  'zpop-count': {
    async raw({ send }) {
      await send('ZADD', 'z', 1, 'a', 2, 'b');
      expect(await send('ZPOPMIN', 'z', 0)).toEqual(['a', 1, 'b', 2]);
      await send('ZADD', 'y', 1, 'a');
      await expect(send('ZPOPMIN', 'y', -1)).resolves.toEqual([]);
    },
    async adapter({ redis, prefix }) {
      await redis.zAdd(`${prefix}z`, [
        { member: 'a', score: 1 },
        { member: 'b', score: 2 },
      ]);
      expect(await redis.zPopMin(`${prefix}z`, 0)).toEqual([]);
      expect(await redis.zCard(`${prefix}z`)).toBe(2);
      await expect(redis.zPopMin(`${prefix}z`, -1)).rejects.toMatchObject({
        message: 'ERR value is out of range, must be positive',
      });
      expect(await redis.sendCommand(['ZPOPMIN', `${prefix}z`])).toEqual(['a', '1']);
    },
  },
};
