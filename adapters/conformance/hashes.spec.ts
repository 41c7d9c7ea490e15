import { describe, expect, test } from '../../harness/test.js';

describe('hashes', () => {
  test('hSet returns how many fields were new, not how many were written', async ({ redis, prefix }) => {
    expect(await redis.hSet(`${prefix}h`, { name: 'Ada', born: '1815' })).toBe(2);
    expect(await redis.hSet(`${prefix}h`, { name: 'Ada Lovelace', died: '1852' })).toBe(1);
    expect(await redis.hGet(`${prefix}h`, 'name')).toBe('Ada Lovelace');
  });

  test('hGet returns null for a missing field and for a missing key', async ({ redis, prefix }) => {
    await redis.hSet(`${prefix}h`, { name: 'Ada' });
    expect(await redis.hGet(`${prefix}h`, 'missing')).toBeNull();
    expect(await redis.hGet(`${prefix}missing`, 'name')).toBeNull();
  });

  test('hMGet returns the fields in order, with null for each missing one', async ({ redis, prefix }) => {
    await redis.hSet(`${prefix}h`, { a: '1', c: '3' });
    expect(await redis.hMGet(`${prefix}h`, ['c', 'b', 'a'])).toEqual(['3', null, '1']);
  });

  test('hGetAll returns every field as a record of strings', async ({ redis, prefix }) => {
    await redis.hSet(`${prefix}h`, { name: 'Ada', born: '1815', empty: '' });
    expect(await redis.hGetAll(`${prefix}h`)).toEqual({ name: 'Ada', born: '1815', empty: '' });
  });

  test('hGetAll returns {} for a missing key', async ({ redis, prefix }) => {
    expect(await redis.hGetAll(`${prefix}missing`)).toEqual({});
  });

  test('hDel returns how many of the fields existed', async ({ redis, prefix }) => {
    await redis.hSet(`${prefix}h`, { a: '1', b: '2', c: '3' });
    expect(await redis.hDel(`${prefix}h`, 'a', 'b', 'missing')).toBe(2);
    expect(await redis.hGetAll(`${prefix}h`)).toEqual({ c: '3' });
  });

  test('hDel of the last field deletes the key', async ({ redis, prefix }) => {
    await redis.hSet(`${prefix}h`, { a: '1' });
    await redis.hDel(`${prefix}h`, 'a');
    expect(await redis.exists(`${prefix}h`)).toBe(0);
  });

  test('hIncrBy counts a missing field from 0 and returns the new value as a number', async ({ redis, prefix }) => {
    expect(await redis.hIncrBy(`${prefix}h`, 'visits', 5)).toBe(5);
    expect(await redis.hIncrBy(`${prefix}h`, 'visits', -2)).toBe(3);
    expect(await redis.hGet(`${prefix}h`, 'visits')).toBe('3');
  });

  test('hLen returns the number of fields, 0 for a missing key', async ({ redis, prefix }) => {
    await redis.hSet(`${prefix}h`, { a: '1', b: '2' });
    expect(await redis.hLen(`${prefix}h`)).toBe(2);
    expect(await redis.hLen(`${prefix}missing`)).toBe(0);
  });

  test('hExists returns true for an existing field and false otherwise', async ({ redis, prefix }) => {
    await redis.hSet(`${prefix}h`, { a: '1' });
    expect(await redis.hExists(`${prefix}h`, 'a')).toBe(true);
    expect(await redis.hExists(`${prefix}h`, 'b')).toBe(false);
    expect(await redis.hExists(`${prefix}missing`, 'a')).toBe(false);
  });

  describe('fields named like Object.prototype members are ordinary fields', () => {
    const protoField = '__proto__';
    // Built with fromEntries: an object literal's `__proto__:` would set the prototype instead.
    const special = Object.fromEntries([
      ['__proto__', 'p'],
      ['toString', 't'],
      ['constructor', 'c'],
    ]);

    test('hSet, hGet, hExists, hLen and hGetAll keep every one', async ({ redis, prefix }) => {
      expect(await redis.hSet(`${prefix}h`, special)).toBe(3);
      expect(await redis.hLen(`${prefix}h`)).toBe(3);
      expect(await redis.hMGet(`${prefix}h`, ['__proto__', 'toString', 'constructor'])).toEqual(['p', 't', 'c']);
      expect(await redis.hExists(`${prefix}h`, '__proto__')).toBe(true);
      const hash = await redis.hGetAll(`${prefix}h`);
      expect(Object.entries(hash).sort()).toEqual([
        ['__proto__', 'p'],
        ['constructor', 'c'],
        ['toString', 't'],
      ]);
      expect(hash[protoField]).toBe('p');
    });

    test('hDel counts them and removes the key with the last one; the key is then free', async ({ redis, prefix }) => {
      await redis.hSet(`${prefix}h`, special);
      expect(await redis.hDel(`${prefix}h`, '__proto__', 'toString', 'constructor')).toBe(3);
      expect(await redis.type(`${prefix}h`)).toBe('none');
      expect(await redis.rPush(`${prefix}h`, 'a')).toBe(1);
    });

    test('a missing one reads as missing: null from hGet, undefined in hGetAll', async ({ redis, prefix }) => {
      await redis.hSet(`${prefix}h`, { name: 'Ada' });
      expect(await redis.hGet(`${prefix}h`, 'toString')).toBeNull();
      expect(await redis.hExists(`${prefix}h`, 'constructor')).toBe(false);
      const hash = await redis.hGetAll(`${prefix}h`);
      expect([hash.toString, hash.constructor, hash[protoField]]).toEqual([undefined, undefined, undefined]);
    });

    test('hIncrBy counts one from 0', async ({ redis, prefix }) => {
      expect(await redis.hIncrBy(`${prefix}h`, 'constructor', 2)).toBe(2);
      expect(await redis.hIncrBy(`${prefix}h`, '__proto__', 3)).toBe(3);
      expect(await redis.hGetAll(`${prefix}h`)).toEqual(
        Object.fromEntries([
          ['constructor', '2'],
          ['__proto__', '3'],
        ]),
      );
    });
  });
});
