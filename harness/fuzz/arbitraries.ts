/**
 * fast-check generators of fuzzer operations. Small pools of keys, fields and members, so
 * that operations meet each other's data (and its type: WRONGTYPE); values at the edges
 * Redis cares about: integers around 2^53 and 2^63, `inf`, exclusive bounds, non-ASCII
 * members whose byte order differs from their UTF-16 order, field names like `__proto__`.
 */
import fc from 'fast-check';
import type { Call, Operation } from './operation.js';
import { fuzzScripts } from './scripts.js';

const keys = ['k:a', 'k:b', 'k:c', 'k:é'];
const fields = ['f', 'g', '10', '2', '__proto__', 'toString', 'constructor'];
/** Members whose byte order (Redis) differs from their UTF-16 order (JS): é < Ａ < 😀 in UTF-8. */
const members = ['a', 'b', 'm', 'é', 'Ａ', '😀'];
const stringValues = ['', 'x', '1', '-3', '10', '3.5', '0x1A', '1e3', '9007199254740991', '9223372036854775807'];

const key = fc.constantFrom(...keys);
const someKeys = fc.uniqueArray(key, { minLength: 1, maxLength: 3 });
const field = fc.constantFrom(...fields);
const member = fc.constantFrom(...members);
const value = fc.constantFrom(...stringValues);
const smallInt = fc.integer({ min: -3, max: 3 });
/** Increments: small, around 2^53, beyond 2^63, and a float (refused). */
const increment = fc.oneof(
  { weight: 4, arbitrary: smallInt },
  fc.constantFrom(2 ** 53, -(2 ** 53), 2 ** 53 - 1, 2 ** 62, 1.5),
);
/** Dyadic floats: exact in binary, so INCRBYFLOAT agrees to the last digit (see declared-deviations.ts). */
const floatIncrement = fc.oneof(
  fc.integer({ min: -40, max: 40 }).map((quarters) => quarters / 4),
  fc.constantFrom(1e21, -1e21, Number.POSITIVE_INFINITY),
);
const score = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 2 }) },
  fc.constantFrom(0.5, -0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);
const scoreBound = fc.oneof(score, fc.constantFrom('-inf', '+inf', '(1', '(0', '(', '(-0.5', 'x'));
const index = fc.oneof({ weight: 5, arbitrary: smallInt }, fc.constant(1.5));
/** Seconds: 0 and negatives delete at once; 1e17 is refused; large values never expire during a run. */
const seconds = fc.constantFrom(-1, 0, 1000, 5000, 1e17, 1.5);
const milliseconds = fc.constantFrom(-5, 0, 2_000_000, 7_000_000, 1e17);
const condition = fc.option(fc.constantFrom('nx' as const, 'xx' as const, 'gt' as const, 'lt' as const), {
  nil: undefined,
});
const end = fc.constantFrom('left' as const, 'right' as const);

const setOptions = fc.option(
  fc.record(
    {
      ex: fc.constantFrom(1000, 0, 1e17),
      px: fc.constantFrom(1_000_000, -1),
      keepTtl: fc.boolean(),
      nx: fc.boolean(),
      xx: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const call = (method: Call['method'], args: fc.Arbitrary<unknown[]>): fc.Arbitrary<Call> =>
  args.map((values) => ({ method, args: values }));

const tuple = <T extends unknown[]>(...arbitraries: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.tuple(...arbitraries) as unknown as fc.Arbitrary<unknown[]>;

/** Every `RedisCommands` method but `time` (a clock) and `ping`. */
export const callArbitrary: fc.Arbitrary<Call> = fc.oneof(
  call('get', tuple(key)),
  call('set', tuple(key, value, setOptions)),
  call('mGet', tuple(someKeys)),
  call('incr', tuple(key)),
  call('incrBy', tuple(key, increment)),
  call('incrByFloat', tuple(key, floatIncrement)),
  call('del', someKeys),
  call('unlink', someKeys),
  call('exists', someKeys),
  call('expire', tuple(key, seconds, condition)),
  call('pExpire', tuple(key, milliseconds, condition)),
  call('ttl', tuple(key)),
  call('pTtl', tuple(key)),
  call('persist', tuple(key)),
  call('type', tuple(key)),
  call(
    'hSet',
    fc
      .tuple(key, fc.uniqueArray(fc.tuple(field, value), { maxLength: 3, selector: ([name]) => name }))
      .map(([name, pairs]) => [name, Object.fromEntries(pairs)]),
  ),
  call('hGet', tuple(key, field)),
  call('hMGet', tuple(key, fc.array(field, { minLength: 1, maxLength: 3 }))),
  call('hGetAll', tuple(key)),
  call(
    'hDel',
    fc.tuple(key, fc.array(field, { minLength: 1, maxLength: 3 })).map(([name, names]) => [name, ...names]),
  ),
  call('hIncrBy', tuple(key, field, increment)),
  call('hLen', tuple(key)),
  call('hExists', tuple(key, field)),
  call(
    'lPush',
    fc.tuple(key, fc.array(member, { minLength: 1, maxLength: 3 })).map(([name, v]) => [name, ...v]),
  ),
  call(
    'rPush',
    fc.tuple(key, fc.array(member, { minLength: 1, maxLength: 3 })).map(([name, v]) => [name, ...v]),
  ),
  call('lPop', tuple(key)),
  call('rPop', tuple(key)),
  call('lRange', tuple(key, index, index)),
  call('lLen', tuple(key)),
  call('lRem', tuple(key, index, member)),
  call('lTrim', tuple(key, index, index)),
  call('lMove', tuple(key, key, end, end)),
  call(
    'sAdd',
    fc.tuple(key, fc.array(member, { minLength: 1, maxLength: 3 })).map(([name, v]) => [name, ...v]),
  ),
  call(
    'sRem',
    fc.tuple(key, fc.array(member, { minLength: 1, maxLength: 3 })).map(([name, v]) => [name, ...v]),
  ),
  call('sMembers', tuple(key)),
  call('sIsMember', tuple(key, member)),
  call('sCard', tuple(key)),
  call(
    'zAdd',
    tuple(
      key,
      fc.uniqueArray(fc.record({ member, score }), { minLength: 1, maxLength: 3, selector: (m) => m.member }),
      fc.option(
        fc.record(
          { nx: fc.boolean(), xx: fc.boolean(), gt: fc.boolean(), lt: fc.boolean(), ch: fc.boolean() },
          {
            requiredKeys: [],
          },
        ),
        { nil: undefined },
      ),
    ),
  ),
  call('zIncrBy', tuple(key, score, member)),
  call('zScore', tuple(key, member)),
  call('zRank', tuple(key, member)),
  call('zRevRank', tuple(key, member)),
  call(
    'zRange',
    fc.tuple(key, index, index).map((args) => [...args]),
  ),
  call(
    'zRange',
    tuple(
      key,
      scoreBound,
      scoreBound,
      fc.record({ by: fc.constant('score' as const), rev: fc.boolean() }, { requiredKeys: ['by'] }),
    ),
  ),
  call(
    'zRangeWithScores',
    tuple(
      key,
      scoreBound,
      scoreBound,
      fc.record(
        {
          by: fc.constant('score' as const),
          rev: fc.boolean(),
          limit: fc.record({ offset: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: -1, max: 2 }) }),
        },
        { requiredKeys: ['by'] },
      ),
    ),
  ),
  call(
    'zRangeWithScores',
    tuple(key, index, index, fc.constantFrom({}, { rev: true }, { limit: { offset: 0, count: -1 } })),
  ),
  call('zCard', tuple(key)),
  call('zCount', tuple(key, scoreBound, scoreBound)),
  call(
    'zRem',
    fc.tuple(key, fc.array(member, { minLength: 1, maxLength: 3 })).map(([name, v]) => [name, ...v]),
  ),
  call('zRemRangeByScore', tuple(key, scoreBound, scoreBound)),
  call('zPopMin', tuple(key, fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }))),
  call(
    'zUnionStore',
    tuple(
      key,
      someKeys,
      fc.option(
        fc.record(
          {
            weights: fc.array(fc.constantFrom(1, 2, 0, -1), { minLength: 1, maxLength: 3 }),
            aggregate: fc.constantFrom('sum' as const, 'min' as const, 'max' as const),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
    ),
  ),
  call('publish', tuple(fc.constant('k:channel'), value)),
  call('evalSha', tuple(fc.constant('0'.repeat(40)), fc.constant([]), fc.constant([]))),
);

const calls = (maxLength: number) => fc.array(callArbitrary, { minLength: 1, maxLength });

const scanValues = fc.record(
  {
    match: fc.constantFrom('*', 'k:?', 'k:??', 'k:[ab]', 'k:a*', 'k:\\é'),
    count: fc.constantFrom(10, 100),
    keyType: fc.constantFrom('string', 'hash', 'list', 'set', 'zset'),
  },
  { requiredKeys: [] },
);

/** One operation: mostly single calls, some batches, WATCH transactions, SCAN walks and scripts. */
export const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 20, arbitrary: callArbitrary.map((one) => ({ type: 'call' as const, call: one })) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('batch' as const),
      kind: fc.constantFrom('multi' as const, 'pipeline' as const),
      calls: calls(4),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('watch' as const),
      keys: someKeys,
      reads: fc.array(callArbitrary, { maxLength: 2 }),
      interleaved: fc.array(callArbitrary, { maxLength: 2 }),
      queued: calls(3),
    }),
  },
  { weight: 1, arbitrary: scanValues.map((options) => ({ type: 'scan' as const, ...options })) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('script' as const),
      source: fc.constantFrom(...fuzzScripts),
      keys: fc.constant(['k:a']),
      args: fc.array(fc.constantFrom('1', 'x', '-2'), { minLength: 1, maxLength: 1 }),
    }),
  },
);

/** A sequence of 20–60 operations: one fuzzer run. */
export const sequenceArbitrary = fc.array(operationArbitrary, { minLength: 20, maxLength: 60 });
