/**
 * The integer rule, the same on every backend: integer replies are exact within
 * ±Number.MAX_SAFE_INTEGER (2^53 − 1); beyond, the command runs and its reply rejects with
 * `IntegerRangeError`, while Redis keeps the exact 64-bit value.
 */
import { describe, expect, test } from '../../harness/test.js';
import { IntegerRangeError } from '../errors/integer-range-error.js';

const maxSafe = Number.MAX_SAFE_INTEGER;

describe('integers near and beyond 2^53', () => {
  test('a reply of exactly 2^53 − 1 is exact', async ({ redis, prefix }) => {
    await expect(redis.incrBy(`${prefix}n`, maxSafe)).resolves.toBe(maxSafe);
    await expect(redis.incrBy(`${prefix}n`, -maxSafe)).resolves.toBe(0);
    await redis.set(`${prefix}m`, String(maxSafe - 1));
    await expect(redis.incr(`${prefix}m`)).resolves.toBe(maxSafe);
  });

  test('a reply beyond 2^53 − 1 rejects with IntegerRangeError; the command ran', async ({ redis, prefix }) => {
    const error = await redis.incrBy(`${prefix}n`, 2 ** 53).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IntegerRangeError);
    await expect(redis.get(`${prefix}n`)).resolves.toBe('9007199254740992');
    await expect(redis.incrBy(`${prefix}n`, -1)).resolves.toBe(9007199254740991);
  });

  test('counting down from 2^63 − 1 keeps every digit in Redis', async ({ redis, prefix }) => {
    await redis.set(`${prefix}n`, '9223372036854775807');
    await expect(redis.incrBy(`${prefix}n`, -1)).rejects.toThrow(IntegerRangeError);
    await expect(redis.get(`${prefix}n`)).resolves.toBe('9223372036854775806');
  });

  test('arithmetic beyond 2^53 is exact: incr, +2^53, −2^53 leaves 1', async ({ redis, prefix }) => {
    await redis.incr(`${prefix}n`);
    await expect(redis.incrBy(`${prefix}n`, 2 ** 53)).rejects.toThrow(IntegerRangeError);
    await expect(redis.incrBy(`${prefix}n`, -(2 ** 53))).resolves.toBe(1);
  });

  test('hIncrBy and negative integers follow the same rule', async ({ redis, prefix }) => {
    await expect(redis.hIncrBy(`${prefix}h`, 'f', -maxSafe)).resolves.toBe(-maxSafe);
    await expect(redis.hIncrBy(`${prefix}h`, 'f', -1)).rejects.toThrow(IntegerRangeError);
    await expect(redis.hGet(`${prefix}h`, 'f')).resolves.toBe('-9007199254740992');
    await expect(redis.hIncrBy(`${prefix}h`, 'f', 1)).resolves.toBe(-maxSafe);
  });

  test('inside a batch, the out-of-range reply rejects exec() with IntegerRangeError', async ({ redis, prefix }) => {
    await redis.set(`${prefix}n`, String(maxSafe));
    await expect(redis.multi().incr(`${prefix}n`).get(`${prefix}n`).exec()).rejects.toThrow(IntegerRangeError);
    await expect(redis.get(`${prefix}n`)).resolves.toBe('9007199254740992');
  });
});
