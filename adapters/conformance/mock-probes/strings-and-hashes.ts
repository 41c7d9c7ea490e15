import { expect } from 'vitest';
import { IntegerRangeError } from '../../errors/integer-range-error.js';
import { RedisCommandError, WrongTypeError } from '../../errors/redis-command-error.js';
import type { DeviationProbes } from './probe.js';

export const stringsAndHashesProbes: DeviationProbes = {
  'incr-non-integer': {
    async raw({ send }) {
      await send('SET', 'float', '8.5');
      await send('SET', 'text', 'abc');
      expect(await send('INCR', 'float')).toBe(9.5);
      expect(await send('INCR', 'text')).toBeNaN();
      await send('HSET', 'h', 'f', 'abc');
      await send('HINCRBY', 'h', 'f', 1);
      expect(await send('HGET', 'h', 'f')).toBe('NaN');
      expect(await send('HINCRBY', 'h', 'g', 1.5)).toBe(1);
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}float`, '8.5');
      await redis.set(`${prefix}text`, 'abc');
      await redis.set(`${prefix}n`, '1');
      const settled = await Promise.allSettled([
        redis.incr(`${prefix}float`),
        redis.incr(`${prefix}text`),
        redis.incrBy(`${prefix}n`, 1.5),
      ]);
      const notInteger = {
        status: 'rejected',
        reason: expect.objectContaining({ code: 'ERR', message: 'ERR value is not an integer or out of range' }),
      };
      expect(settled).toEqual([notInteger, notInteger, notInteger]);
      expect(await redis.mGet([`${prefix}float`, `${prefix}text`, `${prefix}n`])).toEqual(['8.5', 'abc', '1']);
      await redis.hSet(`${prefix}h`, { f: 'abc' });
      await expect(redis.hIncrBy(`${prefix}h`, 'f', 1)).rejects.toMatchObject({
        code: 'ERR',
        message: 'ERR hash value is not an integer',
      });
      await expect(redis.hIncrBy(`${prefix}h`, 'g', 1.5)).rejects.toMatchObject({
        message: 'ERR value is not an integer or out of range',
      });
      expect(await redis.hGetAll(`${prefix}h`)).toEqual({ f: 'abc' });
    },
  },

  'incr-precision': {
    async raw({ send }) {
      await send('SET', 'big', '9007199254740992');
      await send('INCR', 'big');
      expect(await send('GET', 'big')).toBe('9007199254740992');
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}big`, '9007199254740992');
      await expect(redis.incr(`${prefix}big`)).rejects.toBeInstanceOf(IntegerRangeError);
      expect(await redis.get(`${prefix}big`)).toBe('9007199254740993');
      await expect(redis.incrBy(`${prefix}big`, -(2 ** 53))).resolves.toBe(1);
      await redis.set(`${prefix}max`, '9223372036854775807');
      await expect(redis.incr(`${prefix}max`)).rejects.toBeInstanceOf(RedisCommandError);
    },
  },

  'hash-prototype-fields': {
    async raw({ send }) {
      expect(await send('HSET', 'h', '__proto__', 'p', 'toString', 't')).toBe(2);
      expect(await send('HLEN', 'h')).toBe(1);
      expect(typeof (await send('HGET', 'other', 'constructor'))).toBe('object');
      await send('HSET', 'other', 'f', 'v');
      expect(typeof (await send('HGET', 'other', 'constructor'))).toBe('function');
    },
    async adapter({ redis, prefix }) {
      const fields = Object.fromEntries([
        ['__proto__', 'p'],
        ['toString', 't'],
      ]);
      expect(await redis.hSet(`${prefix}h`, fields)).toBe(2);
      expect(await redis.hLen(`${prefix}h`)).toBe(2);
      expect(await redis.hGet(`${prefix}h`, 'constructor')).toBeNull();
      expect(await redis.hDel(`${prefix}h`, '__proto__', 'toString')).toBe(2);
      expect(await redis.exists(`${prefix}h`)).toBe(0);
    },
  },

  'hash-field-order': {
    async raw({ send }) {
      await send('HSET', 'h', 'f', '0', '2', '');
      expect(Object.keys((await send('HGETALL', 'h')) as object)).toEqual(['2', 'f']);
    },
    async adapter({ redis, prefix }) {
      await redis.hSet(`${prefix}h`, { f: '0' });
      await redis.hSet(`${prefix}h`, { 2: '' });
      // Declared: Redis answers ['f', '0', '2', ''].
      const script = redis.defineScript("return redis.call('HGETALL', KEYS[1])");
      expect(await script.run([`${prefix}h`], [])).toEqual(['2', '', 'f', '0']);
      expect(Object.keys(await redis.hGetAll(`${prefix}h`))).toEqual(['2', 'f']);
    },
  },

  'incrbyfloat-nan': {
    async raw({ send }) {
      await send('SET', 'text', 'abc');
      await send('INCRBYFLOAT', 'text', 1);
      expect(await send('GET', 'text')).toBe('NaN');
      await send('INCRBYFLOAT', 'big', '1e21');
      expect(await send('GET', 'big')).toBe('1e+21');
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}text`, 'abc');
      await expect(redis.incrByFloat(`${prefix}text`, 1)).rejects.toMatchObject({
        code: 'ERR',
        message: 'ERR value is not a valid float',
      });
      await redis.set(`${prefix}n`, '1');
      await expect(redis.incrByFloat(`${prefix}n`, Number.POSITIVE_INFINITY)).rejects.toBeInstanceOf(RedisCommandError);
      expect(await redis.mGet([`${prefix}text`, `${prefix}n`])).toEqual(['abc', '1']);
      await redis.set(`${prefix}hex`, '0x1A');
      expect(await redis.incrByFloat(`${prefix}hex`, 1)).toBe(27);
      await redis.incrByFloat(`${prefix}big`, 1e21);
      expect(await redis.get(`${prefix}big`)).toBe('1000000000000000000000');
    },
  },

  'incrbyfloat-precision': {
    async raw({ send }) {
      await send('SET', 'n', '0.1');
      expect(await send('INCRBYFLOAT', 'n', 0.2)).toBe('0.30000000000000004');
    },
    async adapter({ redis, prefix }) {
      // Long double sums, as Redis 7 on x86-64 answers them.
      await redis.set(`${prefix}n`, '0.1');
      expect(await redis.incrByFloat(`${prefix}n`, 0.2)).toBe(0.3);
      await redis.set(`${prefix}long`, '1e3');
      await redis.incrByFloat(`${prefix}long`, 1e21);
      expect(await redis.get(`${prefix}long`)).toBe('1000000000000000001024');
    },
  },

  'set-options': {
    async raw({ send }) {
      expect(await send('SET', 'both', 'v', 'EX', 10, 'PX', 10_000)).toBe('OK');
      expect(await send('SET', 'zero', 'v', 'EX', 0)).toBe('OK');
      expect(await send('SET', 'fraction', 'v', 'EX', 1.5)).toBe('OK');
      expect(await send('SET', 'text', 'v', 'EX', 'abc')).toBe('OK');
      expect(await send('SET', 'huge', 'v', 'EX', '100000000000000000')).toBe('OK');
    },
    async adapter({ redis, prefix }) {
      // @ts-expect-error: the types refuse both; a JavaScript caller can still send them.
      await expect(redis.set(`${prefix}both`, 'v', { ex: 10, px: 10_000 })).rejects.toMatchObject({
        message: 'ERR syntax error',
      });
      await expect(redis.set(`${prefix}zero`, 'v', { ex: 0 })).rejects.toMatchObject({
        message: "ERR invalid expire time in 'set' command",
      });
      await expect(redis.set(`${prefix}fraction`, 'v', { ex: 1.5 })).rejects.toMatchObject({
        message: 'ERR value is not an integer or out of range',
      });
      await expect(redis.set(`${prefix}huge`, 'v', { ex: 1e17 })).rejects.toMatchObject({
        message: "ERR invalid expire time in 'set' command",
      });
      await redis.set(`${prefix}k`, 'v');
      await expect(redis.expire(`${prefix}k`, 1e17)).rejects.toMatchObject({
        message: "ERR invalid expire time in 'expire' command",
      });
      expect(await redis.exists(`${prefix}both`, `${prefix}zero`, `${prefix}fraction`, `${prefix}huge`)).toBe(0);
    },
  },

  'set-keepttl': {
    async raw({ send }) {
      await send('SET', 'k', 'old', 'EX', 100);
      await send('SET', 'k', 'new', 'KEEPTTL');
      expect(await send('TTL', 'k')).toBe(-1);
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}k`, 'old', { ex: 100 });
      await redis.set(`${prefix}k`, 'new', { keepTtl: true });
      expect(await redis.get(`${prefix}k`)).toBe('new');
      expect(await redis.ttl(`${prefix}k`)).toBeGreaterThan(90);
    },
  },

  'set-get': {
    async raw({ send }) {
      // ioredis-mock 8.13.1 returns the old value of a string; on a key of another type it
      // returns that value instead of WRONGTYPE, and overwrites the key.
      await send('RPUSH', 'list', 'a');
      expect(await send('SET', 'list', 'new', 'GET')).toEqual(['a']);
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}k`, 'old');
      expect(await redis.sendCommand(['SET', `${prefix}k`, 'new', 'GET'])).toBe('old');
      expect(await redis.sendCommand(['SET', `${prefix}missing`, 'new', 'GET'])).toBeNull();
      await redis.rPush(`${prefix}list`, 'a');
      await expect(redis.sendCommand(['SET', `${prefix}list`, 'new', 'GET'])).rejects.toBeInstanceOf(WrongTypeError);
      expect(await redis.lRange(`${prefix}list`, 0, -1)).toEqual(['a']);
    },
  },

  'mget-wrong-type': {
    async raw({ send }) {
      await send('RPUSH', 'list', 'a');
      await send('HSET', 'hash', 'f', 'v');
      expect(await send('MGET', 'list', 'hash')).toEqual([['a'], { f: 'v' }]);
    },
    async adapter({ redis, prefix }) {
      await redis.rPush(`${prefix}list`, 'a');
      await redis.hSet(`${prefix}hash`, { f: 'v' });
      await redis.set(`${prefix}string`, 's');
      expect(await redis.mGet([`${prefix}list`, `${prefix}hash`, `${prefix}string`])).toEqual([null, null, 's']);
    },
  },
};
