/**
 * The adapter's types. `pnpm typecheck` checks them: these tests pass at run time by
 * construction and fail to compile when a type is wrong. Batches are typed tuples, and
 * options that exclude each other do not compile.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisAdapter, ScoredMember, SetOptions, ZAddOptions } from '../redis-adapter.js';

/** Functions that are never called: only their types matter. */
const chainedMulti = (redis: RedisAdapter) => redis.multi().get('k').ttl('k').exec();
const limiterMulti = (redis: RedisAdapter) => redis.multi().incr('k').pExpire('k', 1000, 'nx').pTtl('k').exec();
const chainedPipeline = (redis: RedisAdapter) => redis.pipeline().hGetAll('h').zRangeWithScores('z', 0, -1).exec();
const loopPipeline = (redis: RedisAdapter) => {
  const pipeline = redis.pipeline();
  for (const key of ['a', 'b']) pipeline.get(key);
  return pipeline.exec();
};
const refusedLiterals = (redis: RedisAdapter) => [
  // @ts-expect-error: nx and xx exclude each other.
  redis.set('k', 'v', { nx: true, xx: true }),
  // @ts-expect-error: gt and lt exclude each other.
  redis.zAdd('z', [], { gt: true, lt: true }),
];

describe('batch types', () => {
  it('a chained multi() resolves to the tuple of its commands’ replies', () => {
    expectTypeOf(chainedMulti).returns.resolves.toEqualTypeOf<[string | null, number]>();
    expectTypeOf(limiterMulti).returns.resolves.toEqualTypeOf<[number, boolean, number]>();
  });

  it('a chained pipeline() is typed the same way', () => {
    expectTypeOf(chainedPipeline).returns.resolves.toEqualTypeOf<[Record<string, string>, ScoredMember[]]>();
  });

  it('a batch filled in a loop resolves to unknown[]', () => {
    expectTypeOf(loopPipeline).returns.resolves.toEqualTypeOf<unknown[]>();
  });
});

describe('options that exclude each other', () => {
  it('SET takes one lifetime and one condition', () => {
    expectTypeOf<{ ex: 10; nx: true }>().toExtend<SetOptions>();
    expectTypeOf<{ px: 500; xx: true }>().toExtend<SetOptions>();
    expectTypeOf<{ keepTtl: true }>().toExtend<SetOptions>();
    expectTypeOf<{ ex: 10; px: 500 }>().not.toExtend<SetOptions>();
    expectTypeOf<{ ex: 10; keepTtl: true }>().not.toExtend<SetOptions>();
    expectTypeOf<{ nx: true; xx: true }>().not.toExtend<SetOptions>();
  });

  it('ZADD takes nx alone, or xx with gt or lt', () => {
    expectTypeOf<{ nx: true; ch: true }>().toExtend<ZAddOptions>();
    expectTypeOf<{ xx: true; gt: true }>().toExtend<ZAddOptions>();
    expectTypeOf<{ lt: true }>().toExtend<ZAddOptions>();
    expectTypeOf<{ nx: true; xx: true }>().not.toExtend<ZAddOptions>();
    expectTypeOf<{ nx: true; gt: true }>().not.toExtend<ZAddOptions>();
    expectTypeOf<{ gt: true; lt: true }>().not.toExtend<ZAddOptions>();
  });

  it('a literal with both conditions is refused where it is written', () => {
    expectTypeOf(refusedLiterals).toBeFunction();
  });
});
