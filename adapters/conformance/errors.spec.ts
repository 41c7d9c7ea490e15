import { describe, expect, test } from '../../harness/test.js';
import { BatchError } from '../errors/batch-error.js';
import { NoScriptError, RedisCommandError, WrongTypeError } from '../errors/redis-command-error.js';
import { RedisError } from '../errors/redis-error.js';
import { WatchConflictError } from '../errors/watch-conflict-error.js';

const noErrorReplies = (backend: string) =>
  `the ${backend} backend does not answer WRONGTYPE with Redis' error reply (capabilities.errorReplies)`;

describe('error replies', () => {
  test('a command on a key of another type rejects with WrongTypeError, code WRONGTYPE', async ({
    redis,
    prefix,
    skip,
  }) => {
    skip(!redis.capabilities.errorReplies, noErrorReplies(redis.backend));
    await redis.set(`${prefix}text`, 'v');
    const push = redis.lPush(`${prefix}text`, 'a');
    await expect(push).rejects.toBeInstanceOf(WrongTypeError);
    await expect(push).rejects.toMatchObject({ name: 'WrongTypeError', code: 'WRONGTYPE' });
  });

  test('WRONGTYPE leaves the key as it was', async ({ redis, prefix, skip }) => {
    skip(!redis.capabilities.errorReplies, noErrorReplies(redis.backend));
    await redis.rPush(`${prefix}list`, 'a');
    await expect(redis.get(`${prefix}list`)).rejects.toBeInstanceOf(WrongTypeError);
    await expect(redis.hSet(`${prefix}list`, { f: 'v' })).rejects.toBeInstanceOf(WrongTypeError);
    await expect(redis.zAdd(`${prefix}list`, [{ member: 'm', score: 1 }])).rejects.toBeInstanceOf(WrongTypeError);
    expect(await redis.lRange(`${prefix}list`, 0, -1)).toEqual(['a']);
  });

  test('incr on a value that is not an integer rejects with RedisCommandError, code ERR', async ({
    redis,
    slotPrefix,
  }) => {
    await redis.set(`${slotPrefix}text`, 'abc');
    await redis.set(`${slotPrefix}float`, '8.5');
    const onText = redis.incr(`${slotPrefix}text`);
    await expect(onText).rejects.toBeInstanceOf(RedisCommandError);
    await expect(onText).rejects.toMatchObject({ code: 'ERR', message: expect.stringMatching(/not an integer/) });
    await expect(redis.incr(`${slotPrefix}float`)).rejects.toBeInstanceOf(RedisCommandError);
    await expect(redis.incrBy(`${slotPrefix}float`, 2)).rejects.toBeInstanceOf(RedisCommandError);
    expect(await redis.mGet([`${slotPrefix}text`, `${slotPrefix}float`])).toEqual(['abc', '8.5']);
  });

  test('hIncrBy on a field that is not an integer rejects with RedisCommandError', async ({ redis, prefix }) => {
    await redis.hSet(`${prefix}h`, { f: 'abc' });
    await expect(redis.hIncrBy(`${prefix}h`, 'f', 1)).rejects.toBeInstanceOf(RedisCommandError);
    expect(await redis.hGet(`${prefix}h`, 'f')).toBe('abc');
  });

  test('set with both ex and px rejects with RedisCommandError', async ({ redis, prefix }) => {
    // @ts-expect-error: the types refuse both; a JavaScript caller can still send them.
    await expect(redis.set(`${prefix}k`, 'v', { ex: 10, px: 10_000 })).rejects.toBeInstanceOf(RedisCommandError);
    expect(await redis.exists(`${prefix}k`)).toBe(0);
  });

  test('a command called without its keys or members rejects with RedisCommandError, wrong number of arguments', async ({
    redis,
    slotPrefix,
  }) => {
    const settled = await Promise.allSettled([
      redis.del(),
      redis.mGet([]),
      redis.sAdd(`${slotPrefix}s`),
      redis.hSet(`${slotPrefix}h`, {}),
    ]);
    const rejected = {
      status: 'rejected',
      reason: expect.objectContaining({
        name: 'RedisCommandError',
        code: 'ERR',
        message: expect.stringMatching(/^ERR wrong number of arguments/),
      }),
    };
    expect(settled).toEqual([rejected, rejected, rejected, rejected]);
    expect(await redis.exists(`${slotPrefix}s`, `${slotPrefix}h`)).toBe(0);
  });

  test('an unknown command sent raw rejects with a RedisError', async ({ redis }) => {
    await expect(redis.sendCommand(['NO_SUCH_COMMAND', 'x'])).rejects.toBeInstanceOf(RedisError);
  });
});

describe('error classes', () => {
  test('every error an adapter throws is instanceof RedisError', async ({ redis, prefix }) => {
    await redis.set(`${prefix}text`, 'abc');
    await redis.set(`${prefix}watched`, '1');
    const failures: Promise<unknown>[] = [
      redis.incr(`${prefix}text`),
      redis.evalSha('0'.repeat(40), [], []),
      redis.multi().incr(`${prefix}text`).exec(),
      redis.pipeline().incr(`${prefix}text`).exec(),
      redis.watch(async (tx) => {
        await tx.watchKeys(`${prefix}watched`);
        await redis.set(`${prefix}watched`, '2');
        return tx.multi().get(`${prefix}watched`).exec();
      }),
      redis.sendCommand(['NO_SUCH_COMMAND']),
    ];
    if (redis.capabilities.errorReplies) failures.push(redis.lPush(`${prefix}text`, 'a'));
    const settled = await Promise.allSettled(failures);
    const notRedisErrors = settled.filter(
      (result) => !(result.status === 'rejected' && result.reason instanceof RedisError),
    );
    expect(notRedisErrors).toEqual([]);
  });

  test('errors carry their class name, for logs', async ({ redis, prefix }) => {
    await redis.set(`${prefix}text`, 'abc');
    await expect(redis.evalSha('0'.repeat(40), [], [])).rejects.toMatchObject({
      name: 'NoScriptError',
      code: 'NOSCRIPT',
    });
    await expect(redis.multi().incr(`${prefix}text`).exec()).rejects.toMatchObject({ name: 'BatchError' });
    await expect(redis.incr(`${prefix}text`)).rejects.toMatchObject({ name: 'RedisCommandError' });
  });

  test('the error classes form one hierarchy under RedisError', () => {
    expect(new WrongTypeError('WRONGTYPE', 'x')).toBeInstanceOf(RedisCommandError);
    expect(new NoScriptError('NOSCRIPT', 'x')).toBeInstanceOf(RedisCommandError);
    expect(new RedisCommandError('ERR', 'x')).toBeInstanceOf(RedisError);
    expect(new BatchError('multi', [])).toBeInstanceOf(RedisError);
    expect(new WatchConflictError()).toBeInstanceOf(RedisError);
  });
});
