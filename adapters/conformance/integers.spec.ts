/**
 * The integer rule, the same on every backend: integer replies are exact numbers within
 * ±2^53, where a double holds every integer; beyond, the command runs and its reply
 * rejects with `IntegerRangeError`, while Redis keeps the exact 64-bit value.
 */
import { describe, expect, test } from '../../harness/test.js';
import { IntegerRangeError } from '../errors/integer-range-error.js';

const twoTo53 = 2 ** 53;

describe('integers near and beyond 2^53', () => {
  test('replies up to 2^53 are exact, 2^53 − 1 included (the issue’s repro)', async ({ redis, prefix }) => {
    await expect(redis.incrBy(`${prefix}n`, twoTo53)).resolves.toBe(9007199254740992);
    await expect(redis.incrBy(`${prefix}n`, -1)).resolves.toBe(9007199254740991);
    await expect(redis.incrBy(`${prefix}n`, -twoTo53)).resolves.toBe(-1);
    await redis.set(`${prefix}m`, String(twoTo53 - 2));
    await expect(redis.incr(`${prefix}m`)).resolves.toBe(9007199254740991);
  });

  test('a reply beyond 2^53 rejects with IntegerRangeError; the command ran', async ({ redis, prefix }) => {
    await redis.set(`${prefix}n`, String(twoTo53));
    const error = await redis.incr(`${prefix}n`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IntegerRangeError);
    expect((error as IntegerRangeError).message).toContain('9007199254740993');
    await expect(redis.get(`${prefix}n`)).resolves.toBe('9007199254740993');
    await expect(redis.incrBy(`${prefix}n`, -1)).resolves.toBe(twoTo53);
  });

  test('counting down from 2^63 − 1 keeps every digit in Redis (the issue’s repro)', async ({ redis, prefix }) => {
    await redis.set(`${prefix}n`, '9223372036854775807');
    await expect(redis.incrBy(`${prefix}n`, -1)).rejects.toThrow(IntegerRangeError);
    await expect(redis.get(`${prefix}n`)).resolves.toBe('9223372036854775806');
  });

  test('arithmetic beyond 2^53 is exact: incr, +2^53, −2^53 leaves 1', async ({ redis, prefix }) => {
    await redis.incr(`${prefix}n`);
    await expect(redis.incrBy(`${prefix}n`, twoTo53)).rejects.toThrow(IntegerRangeError);
    await expect(redis.incrBy(`${prefix}n`, -twoTo53)).resolves.toBe(1);
  });

  test('hIncrBy and negative integers follow the same rule', async ({ redis, prefix }) => {
    await expect(redis.hIncrBy(`${prefix}h`, 'f', -twoTo53)).resolves.toBe(-twoTo53);
    await expect(redis.hIncrBy(`${prefix}h`, 'f', -1)).rejects.toThrow(IntegerRangeError);
    await expect(redis.hGet(`${prefix}h`, 'f')).resolves.toBe('-9007199254740993');
    await expect(redis.hIncrBy(`${prefix}h`, 'f', 1)).resolves.toBe(-twoTo53);
  });

  test('inside a batch, the out-of-range reply rejects exec() with IntegerRangeError', async ({ redis, prefix }) => {
    await redis.set(`${prefix}n`, String(twoTo53));
    await expect(redis.multi().incr(`${prefix}n`).get(`${prefix}n`).exec()).rejects.toThrow(IntegerRangeError);
    await expect(redis.get(`${prefix}n`)).resolves.toBe('9007199254740993');
  });

  test('inside MULTI and a pipeline, integers up to ±(2^53 − 1) are exact and digit strings stay strings', async ({
    redis,
    prefix,
  }) => {
    const n = `${prefix}n`;
    await redis.set(n, String(twoTo53 - 2));
    await expect(
      redis
        .multi()
        .incr(n)
        .get(n)
        .incrBy(n, -2 * (twoTo53 - 1))
        .exec(),
    ).resolves.toEqual([9007199254740991, '9007199254740991', -9007199254740991]);
    await expect(
      redis
        .pipeline()
        .incrBy(n, -1)
        .get(n)
        .incrBy(n, twoTo53)
        .incrBy(n, twoTo53 - 1)
        .exec(),
    ).resolves.toEqual([-twoTo53, '-9007199254740992', 0, 9007199254740991]);
  });

  test('a script integer follows the same rule', async ({ redis }) => {
    await expect(redis.defineScript('return 9007199254740991').run([], [])).resolves.toBe(9007199254740991);
    await expect(redis.defineScript('return {2^53, -2^53}').run([], [])).resolves.toEqual([twoTo53, -twoTo53]);
  });

  test('inside a script, an integer reply past 2^53 is a Lua double, as in Redis', async ({ redis, prefix }) => {
    await redis.set(`${prefix}n`, String(twoTo53));
    const incr = redis.defineScript("return redis.call('INCR', KEYS[1])");
    await expect(incr.run([`${prefix}n`], [])).resolves.toBe(twoTo53);
    await expect(redis.get(`${prefix}n`)).resolves.toBe('9007199254740993');
  });
});
