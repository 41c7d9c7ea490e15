import { describe, expect, test } from '../../harness/test.js';
import { BatchError } from '../errors/batch-error.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { RedisError } from '../errors/redis-error.js';
import { WatchConflictError } from '../errors/watch-conflict-error.js';
import type { WatchTransaction } from '../redis-adapter.js';
import { deferred } from './support.js';

/** The rejection of `work`, which must reject. */
async function rejectionOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe('multi', () => {
  test('multi exec resolves with one normalised reply per command, in order', async ({ redis, slotPrefix }) => {
    await redis.zAdd(`${slotPrefix}z`, [{ member: 'a', score: 1.5 }]);
    const results = await redis
      .multi()
      .set(`${slotPrefix}k`, '1')
      .incr(`${slotPrefix}k`)
      .get(`${slotPrefix}k`)
      .get(`${slotPrefix}missing`)
      .hSet(`${slotPrefix}h`, { f: 'v' })
      .hGetAll(`${slotPrefix}h`)
      .zScore(`${slotPrefix}z`, 'a')
      .zRangeWithScores(`${slotPrefix}z`, 0, -1)
      .expire(`${slotPrefix}k`, 100)
      .set(`${slotPrefix}k`, 'x', { nx: true })
      .exec();
    expect(results).toEqual([true, 2, '2', null, 1, { f: 'v' }, 1.5, [{ member: 'a', score: 1.5 }], true, false]);
  });

  test('a batch counts its queued commands in length', async ({ redis, prefix }) => {
    const batch = redis.multi().set(`${prefix}a`, '1').set(`${prefix}b`, '2');
    expect(batch.length).toBe(2);
  });

  test('exec of an empty multi resolves with []', async ({ redis }) => {
    expect(await redis.multi().exec()).toEqual([]);
  });

  test('nothing queued on a multi runs before exec', async ({ redis, prefix }) => {
    const batch = redis.multi().set(`${prefix}k`, 'v');
    expect(await redis.exists(`${prefix}k`)).toBe(0);
    await batch.exec();
    expect(await redis.get(`${prefix}k`)).toBe('v');
  });

  test('a command failing inside multi rejects exec with a BatchError whose outcomes show the others ran', async ({
    redis,
    slotPrefix,
  }) => {
    await redis.set(`${slotPrefix}text`, 'abc');
    const error = await rejectionOf(
      redis.multi().set(`${slotPrefix}a`, '1').incr(`${slotPrefix}text`).incr(`${slotPrefix}a`).exec(),
    );
    expect(error).toBeInstanceOf(BatchError);
    const { outcomes } = error as BatchError;
    expect(outcomes).toEqual([{ value: true }, { error: expect.any(RedisCommandError) }, { value: 2 }]);
    expect(outcomes[1]).toMatchObject({ error: { code: 'ERR', message: expect.stringMatching(/not an integer/) } });
    expect(await redis.get(`${slotPrefix}a`)).toBe('2');
    expect(await redis.get(`${slotPrefix}text`)).toBe('abc');
  });

  test('a command Redis refuses while queuing (no members) aborts the whole multi with EXECABORT, and nothing ran', async ({
    redis,
    slotPrefix,
  }) => {
    const exec = redis.multi().set(`${slotPrefix}a`, '1').sAdd(`${slotPrefix}s`).exec();
    await expect(exec).rejects.toBeInstanceOf(RedisCommandError);
    await expect(exec).rejects.toMatchObject({
      code: 'EXECABORT',
      message: expect.stringMatching(/wrong number of arguments for 'sadd'/),
    });
    expect(await redis.exists(`${slotPrefix}a`, `${slotPrefix}s`)).toBe(0);
  });
});

describe('pipeline', () => {
  test('pipeline exec resolves with one normalised reply per command, in order', async ({ redis, slotPrefix }) => {
    const results = await redis
      .pipeline()
      .rPush(`${slotPrefix}l`, 'a', 'b')
      .lRange(`${slotPrefix}l`, 0, -1)
      .sAdd(`${slotPrefix}s`, 'x')
      .sIsMember(`${slotPrefix}s`, 'x')
      .zAdd(`${slotPrefix}z`, [{ member: 'm', score: 2 }])
      .zPopMin(`${slotPrefix}z`)
      .ttl(`${slotPrefix}missing`)
      .exec();
    expect(results).toEqual([2, ['a', 'b'], 1, true, 1, [{ member: 'm', score: 2 }], -2]);
  });

  test('exec of an empty pipeline resolves with []', async ({ redis }) => {
    expect(await redis.pipeline().exec()).toEqual([]);
  });

  test('a command failing in a pipeline rejects exec with a BatchError, and the others ran', async ({
    redis,
    prefix,
  }) => {
    await redis.set(`${prefix}text`, 'abc');
    const error = await rejectionOf(redis.pipeline().incr(`${prefix}n`).incr(`${prefix}text`).get(`${prefix}n`).exec());
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).outcomes).toEqual([
      { value: 1 },
      { error: expect.any(RedisCommandError) },
      { value: '1' },
    ]);
    expect(await redis.get(`${prefix}n`)).toBe('1');
  });

  test('a command without its arguments fails alone in a pipeline', async ({ redis, prefix }) => {
    const error = await rejectionOf(redis.pipeline().set(`${prefix}a`, '1').hSet(`${prefix}h`, {}).exec());
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).outcomes).toEqual([{ value: true }, { error: expect.any(RedisCommandError) }]);
    expect(await redis.get(`${prefix}a`)).toBe('1');
  });
});

describe('watch', () => {
  test('watch resolves with what the function returns, and exec runs without a conflict', async ({
    redis,
    slotPrefix,
  }) => {
    await redis.set(`${slotPrefix}balance`, '10');
    const result = await redis.watch(async (tx) => {
      await tx.watchKeys(`${slotPrefix}balance`);
      const balance = Number(await tx.get(`${slotPrefix}balance`));
      const replies = await tx
        .multi()
        .set(`${slotPrefix}balance`, String(balance - 3))
        .incr(`${slotPrefix}spent`)
        .exec();
      return { balance, replies };
    });
    expect(result).toEqual({ balance: 10, replies: [true, 1] });
    expect(await redis.get(`${slotPrefix}balance`)).toBe('7');
  });

  test('a watched key changed by another client rejects exec with WatchConflictError, and nothing ran', async ({
    redis,
    slotPrefix,
  }) => {
    await redis.set(`${slotPrefix}k`, 'original');
    const error = await rejectionOf(
      redis.watch(async (tx) => {
        await tx.watchKeys(`${slotPrefix}k`);
        await tx.get(`${slotPrefix}k`);
        await redis.set(`${slotPrefix}k`, 'changed elsewhere');
        return tx.multi().set(`${slotPrefix}k`, 'from the transaction').set(`${slotPrefix}other`, 'x').exec();
      }),
    );
    expect(error).toBeInstanceOf(WatchConflictError);
    expect(await redis.get(`${slotPrefix}k`)).toBe('changed elsewhere');
    expect(await redis.exists(`${slotPrefix}other`)).toBe(0);
  });

  test('a watched key deleted by another client is a conflict too', async ({ redis, slotPrefix }) => {
    await redis.set(`${slotPrefix}k`, 'original');
    const transaction = redis.watch(async (tx) => {
      await tx.watchKeys(`${slotPrefix}k`);
      await redis.del(`${slotPrefix}k`);
      return tx.multi().set(`${slotPrefix}other`, 'x').exec();
    });
    await expect(transaction).rejects.toBeInstanceOf(WatchConflictError);
    expect(await redis.exists(`${slotPrefix}other`)).toBe(0);
  });

  test('unwatch forgets the watched keys, so a later change is no conflict', async ({ redis, prefix }) => {
    await redis.set(`${prefix}k`, 'original');
    const replies = await redis.watch(async (tx) => {
      await tx.watchKeys(`${prefix}k`);
      await tx.unwatch();
      await redis.set(`${prefix}k`, 'changed elsewhere');
      return tx.multi().set(`${prefix}other`, 'x').exec();
    });
    expect(replies).toEqual([true]);
    expect(await redis.get(`${prefix}other`)).toBe('x');
  });

  test('a watch session is not disturbed by a concurrent session whose watched key changed', async ({
    redis,
    slotPrefix,
  }) => {
    await redis.set(`${slotPrefix}a`, '1');
    await redis.set(`${slotPrefix}b`, '1');
    const aWatching = deferred();
    const bWatching = deferred();
    const aChanged = deferred();

    const sessionA = redis.watch(async (tx) => {
      await tx.watchKeys(`${slotPrefix}a`);
      await tx.get(`${slotPrefix}a`);
      aWatching.resolve();
      await aChanged.promise;
      return tx.multi().set(`${slotPrefix}a`, 'from A').exec();
    });
    const sessionB = redis.watch(async (tx) => {
      await aWatching.promise;
      await tx.watchKeys(`${slotPrefix}b`);
      await tx.get(`${slotPrefix}b`);
      bWatching.resolve();
      await aChanged.promise;
      return tx.multi().set(`${slotPrefix}b`, 'from B').exec();
    });

    await bWatching.promise;
    await redis.set(`${slotPrefix}a`, 'changed elsewhere');
    aChanged.resolve();

    const [a, b] = await Promise.allSettled([sessionA, sessionB]);
    expect(b).toEqual({ status: 'fulfilled', value: [true] });
    expect(a).toEqual({ status: 'rejected', reason: expect.any(WatchConflictError) });
    expect(await redis.mGet([`${slotPrefix}a`, `${slotPrefix}b`])).toEqual(['changed elsewhere', 'from B']);
  });

  test('a transaction that ends without exec, by returning or throwing, leaves nothing watched for the next one', async ({
    redis,
    slotPrefix,
  }) => {
    await redis.set(`${slotPrefix}k`, 'original');
    await redis.watch(async (tx) => {
      await tx.watchKeys(`${slotPrefix}k`);
      return tx.get(`${slotPrefix}k`);
    });
    await rejectionOf(
      redis.watch(async (tx) => {
        await tx.watchKeys(`${slotPrefix}k`);
        throw new Error('the cart was empty');
      }),
    );
    await redis.set(`${slotPrefix}k`, 'changed after both transactions');

    const replies = await redis.watch(async (tx) => tx.multi().set(`${slotPrefix}other`, 'x').exec());
    expect(replies).toEqual([true]);
    expect(await redis.get(`${slotPrefix}other`)).toBe('x');
  });

  test('a command sent on a transaction after its function settled is refused with a RedisError and changes nothing', async ({
    redis,
    slotPrefix,
  }) => {
    let settled: WatchTransaction | undefined;
    await redis.watch(async (tx) => {
      settled = tx;
    });
    if (!settled) throw new Error('watch() did not call its function');

    const late = await rejectionOf(settled.set(`${slotPrefix}k`, 'late'));
    const lateExec = await rejectionOf(settled.multi().set(`${slotPrefix}k`, 'late').exec());
    expect(late).toBeInstanceOf(RedisError);
    expect((late as Error).message).toMatch(/^SET was sent after its watch\(\) function had settled/);
    expect(lateExec).toBeInstanceOf(RedisError);
    expect(await redis.exists(`${slotPrefix}k`)).toBe(0);
  });

  test("another session's exec does not clear a session's watch", async ({ redis, prefix }) => {
    await redis.set(`${prefix}a`, '1');
    const aWatching = deferred();
    const bDone = deferred();

    const sessionA = redis.watch(async (tx) => {
      await tx.watchKeys(`${prefix}a`);
      aWatching.resolve();
      await bDone.promise;
      await redis.set(`${prefix}a`, 'changed elsewhere');
      return tx.multi().set(`${prefix}a`, 'from A').exec();
    });
    await aWatching.promise;
    const b = await redis.watch(async (tx) => {
      await tx.watchKeys(`${prefix}b`);
      return tx.multi().set(`${prefix}b`, 'from B').exec();
    });
    bDone.resolve();

    expect(b).toEqual([true]);
    await expect(sessionA).rejects.toBeInstanceOf(WatchConflictError);
    expect(await redis.get(`${prefix}a`)).toBe('changed elsewhere');
  });
});
