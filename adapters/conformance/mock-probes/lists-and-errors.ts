import { expect } from 'vitest';
import { RedisCommandError, WrongTypeError } from '../../errors/redis-command-error.js';
import { RedisUnavailableError } from '../../errors/redis-unavailable-error.js';
import type { DeviationProbes } from './probe.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const listsAndErrorsProbes: DeviationProbes = {
  'missing-blocking-pops': {
    async raw({ send }) {
      for (const command of ['BLPOP', 'BRPOP', 'BZPOPMIN']) {
        await expect(send(command, 'k', 1)).rejects.toThrow(/Unsupported command/);
      }
      await expect(send('BLMOVE', 'a', 'b', 'LEFT', 'RIGHT', 1)).rejects.toThrow(/Unsupported command/);
      const started = performance.now();
      expect(await send('BRPOPLPUSH', 'empty', 'dst', 1)).toBeNull();
      expect(performance.now() - started).toBeLessThan(500);
    },
    async adapter({ redis, prefix }) {
      const worker = await redis.blocking();
      try {
        const popped = worker.blPop([`${prefix}jobs`], 1);
        await sleep(50);
        await redis.rPush(`${prefix}jobs`, 'job');
        expect(await popped).toEqual({ key: `${prefix}jobs`, element: 'job' });
        const waiting = worker.brPop([`${prefix}jobs`], 1);
        waiting.catch(() => undefined);
        await sleep(20);
        await worker.close();
        await expect(waiting).rejects.toBeInstanceOf(RedisUnavailableError);
      } finally {
        await worker.close();
      }
    },
  },

  'blocking-pops-poll': {
    async raw({ send }) {
      await expect(send('BLPOP', 'k', 1)).rejects.toThrow(/Unsupported command/);
    },
    async adapter({ redis }) {
      expect(redis.capabilities.blockingPops).toBe(false);
    },
  },

  'wrongtype-js-errors': {
    async raw({ send }) {
      await send('SET', 'string', 'v');
      await send('RPUSH', 'list', 'a', 'b');
      await expect(send('LPUSH', 'string', 'a')).rejects.toThrow(/does not contain a list/);
      expect(await send('GET', 'list')).toEqual(['a', 'b']);
      expect(await send('HLEN', 'list')).toBe(2);
      expect(await send('ZSCORE', 'string', 'm')).toBeNull();
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}string`, 'v');
      await redis.rPush(`${prefix}list`, 'a', 'b');
      const settled = await Promise.allSettled([
        redis.lPush(`${prefix}string`, 'a'),
        redis.get(`${prefix}list`),
        redis.hLen(`${prefix}list`),
        redis.zScore(`${prefix}string`, 'm'),
        redis.sAdd(`${prefix}list`, 'm'),
      ]);
      const wrongType = { status: 'rejected', reason: expect.any(WrongTypeError) };
      expect(settled).toEqual([wrongType, wrongType, wrongType, wrongType, wrongType]);
      await expect(redis.get(`${prefix}list`)).rejects.toMatchObject({
        code: 'WRONGTYPE',
        message: 'WRONGTYPE Operation against a key holding the wrong kind of value',
      });
    },
  },

  'lenient-arguments': {
    async raw({ send }) {
      await send('RPUSH', 'list', 'a');
      await send('RPUSH', 'pop', 'a');
      await send('SET', 'string', 'v');
      // Each of these resolves; Redis rejects them.
      await expect(send('LPOP', 'pop', -1)).resolves.not.toBeUndefined();
      await expect(send('LRANGE', 'list', 'x', 1)).resolves.toEqual(expect.any(Array));
      expect(await send('LTRIM', 'list', 'x', 1)).toBe('OK');
      await expect(send('LMOVE', 'missing', 'string', 'LEFT', 'RIGHT')).rejects.toThrow(/WRONGTYPE/);
      await send('RPUSH', 'two', 'a', 'b');
      expect(await send('LRANGE', 'two', -3, 0)).toEqual([]);
    },
    async adapter({ redis, prefix }) {
      await redis.rPush(`${prefix}list`, 'a');
      await redis.set(`${prefix}string`, 'v');
      const notInteger = { code: 'ERR', message: 'ERR value is not an integer or out of range' };
      await expect(redis.sendCommand(['LTRIM', `${prefix}list`, 'x', '1'])).rejects.toMatchObject(notInteger);
      await expect(redis.sendCommand(['LRANGE', `${prefix}list`, 'x', '1'])).rejects.toMatchObject(notInteger);
      await expect(redis.sendCommand(['LPOP', `${prefix}list`, '-1'])).rejects.toMatchObject({
        message: 'ERR value is out of range, must be positive',
      });
      expect(await redis.lMove(`${prefix}missing`, `${prefix}string`, 'left', 'right')).toBeNull();
      expect(await redis.lRange(`${prefix}list`, 0, -1)).toEqual(['a']);
      expect(await redis.lRange(`${prefix}list`, -3, 0)).toEqual(['a']);
    },
  },

  'error-replies-elsewhere': {
    async raw({ send }) {
      await send('RPUSH', 'list', 'a');
      const error = await send('LINSERT', 'list', 'MIDDLE', 'a', 'b').catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).not.toMatch(/^[A-Z]+ /);
    },
    async adapter({ redis, prefix }) {
      expect(redis.capabilities.errorReplies).toBe(false);
      await redis.rPush(`${prefix}list`, 'a');
      const insert = redis.sendCommand(['LINSERT', `${prefix}list`, 'MIDDLE', 'a', 'b']);
      await expect(insert).rejects.toBeInstanceOf(RedisCommandError);
      await expect(insert).rejects.toMatchObject({ code: 'ERR' });
    },
  },
};
