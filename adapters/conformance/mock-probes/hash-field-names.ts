import { expect } from 'vitest';
import type { DeviationProbes } from './probe.js';

export const hashFieldNameProbes: DeviationProbes = {
  'hash-field-names': {
    async raw({ send }) {
      await send('HSET', 'h', '__proto__', 'v', 'a', '1');
      expect(await send('HEXISTS', 'h', '__proto__')).toBe(0);
      expect(typeof (await send('HGET', 'h', 'constructor'))).toBe('function');
    },
    async adapter({ redis, prefix }) {
      const key = `${prefix}h`;
      expect(
        await redis.hSet(
          key,
          Object.fromEntries([
            ['__proto__', 'v'],
            ['a', '1'],
          ]),
        ),
      ).toBe(2);
      expect(await redis.hExists(key, '__proto__')).toBe(true);
      expect(await redis.hGet(key, '__proto__')).toBe('v');
      expect(await redis.hLen(key)).toBe(2);
      const all = await redis.hGetAll(key);
      expect(Object.getOwnPropertyDescriptor(all, '__proto__')?.value).toBe('v');
      expect(await redis.hGet(key, 'constructor')).toBeNull();
      expect(await redis.hMGet(key, ['toString', 'a'])).toEqual([null, '1']);
    },
  },
};
