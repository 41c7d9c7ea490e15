import { describe, expect, it } from 'vitest';
import { IntegerRangeError } from '../errors/integer-range-error.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import {
  parseRedisFloat,
  toBoolean,
  toHash,
  toInteger,
  toKeyedElement,
  toKeyedScoredMember,
  toNullableNumber,
  toNullableString,
  toNullableStringArray,
  toNumber,
  toOk,
  toRedisReply,
  toScanPage,
  toScoredMembers,
  toStringArray,
  toStringValue,
  toTime,
  toVoid,
} from './replies.js';

describe('toNullableString', () => {
  it('returns a string reply unchanged', () => {
    expect(toNullableString('value')).toBe('value');
  });

  it('returns the empty string as a string, not as null', () => {
    expect(toNullableString('')).toBe('');
  });

  it('turns nil (null or undefined) into null', () => {
    expect(toNullableString(null)).toBeNull();
    expect(toNullableString(undefined)).toBeNull();
  });

  it('decodes a Buffer as UTF-8', () => {
    expect(toNullableString(Buffer.from('café'))).toBe('café');
  });

  it('turns a number into its decimal text', () => {
    expect(toNullableString(42)).toBe('42');
  });

  it('rejects an array as a driver bug (TypeError)', () => {
    expect(() => toNullableString(['a'])).toThrow(TypeError);
  });
});

describe('toStringValue', () => {
  it('returns the string of a status or bulk reply', () => {
    expect(toStringValue('PONG')).toBe('PONG');
  });

  it('rejects nil, where a string is required', () => {
    expect(() => toStringValue(null)).toThrow(TypeError);
  });
});

describe('parseRedisFloat', () => {
  it('parses integers and decimals', () => {
    expect(parseRedisFloat('15')).toBe(15);
    expect(parseRedisFloat('-2.5')).toBe(-2.5);
    expect(parseRedisFloat('1e3')).toBe(1000);
  });

  it('parses inf, +inf and -inf in any case', () => {
    expect(parseRedisFloat('inf')).toBe(Number.POSITIVE_INFINITY);
    expect(parseRedisFloat('+inf')).toBe(Number.POSITIVE_INFINITY);
    expect(parseRedisFloat('Inf')).toBe(Number.POSITIVE_INFINITY);
    expect(parseRedisFloat('-inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseRedisFloat('-INF')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('rejects text that is not a number', () => {
    expect(() => parseRedisFloat('abc')).toThrow(TypeError);
  });
});

describe('toNumber', () => {
  it('returns an integer reply unchanged', () => {
    expect(toNumber(7)).toBe(7);
  });

  it('parses a float sent as a bulk string (INCRBYFLOAT, ZSCORE)', () => {
    expect(toNumber('3.5')).toBe(3.5);
  });

  it('parses a float sent as a Buffer', () => {
    expect(toNumber(Buffer.from('0.25'))).toBe(0.25);
  });

  it('parses infinite scores', () => {
    expect(toNumber('inf')).toBe(Number.POSITIVE_INFINITY);
    expect(toNumber('-inf')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('rejects nil, where a number is required', () => {
    expect(() => toNumber(null)).toThrow(TypeError);
  });
});

describe('toNullableNumber', () => {
  it('turns nil into null', () => {
    expect(toNullableNumber(null)).toBeNull();
    expect(toNullableNumber(undefined)).toBeNull();
  });

  it('parses a score string', () => {
    expect(toNullableNumber('20')).toBe(20);
  });

  it('keeps 0 as 0, not null', () => {
    expect(toNullableNumber(0)).toBe(0);
  });
});

describe('toBoolean', () => {
  it('turns 1 into true and 0 into false', () => {
    expect(toBoolean(1)).toBe(true);
    expect(toBoolean(0)).toBe(false);
  });

  it('accepts the integer as a string', () => {
    expect(toBoolean('1')).toBe(true);
    expect(toBoolean('0')).toBe(false);
  });
});

describe('toOk', () => {
  it('turns OK into true', () => {
    expect(toOk('OK')).toBe(true);
  });

  it('turns nil (an NX/XX condition stopped the SET) into false', () => {
    expect(toOk(null)).toBe(false);
    expect(toOk(undefined)).toBe(false);
  });
});

describe('toVoid', () => {
  it('returns undefined whatever the reply', () => {
    expect(toVoid()).toBeUndefined();
  });
});

describe('toStringArray', () => {
  it('returns the elements as strings', () => {
    expect(toStringArray(['a', Buffer.from('b'), 3])).toEqual(['a', 'b', '3']);
  });

  it('returns an empty array for an empty reply', () => {
    expect(toStringArray([])).toEqual([]);
  });

  it('rejects a nil element', () => {
    expect(() => toStringArray(['a', null])).toThrow(TypeError);
  });

  it('rejects a reply that is not an array', () => {
    expect(() => toStringArray('a')).toThrow(TypeError);
  });
});

describe('toNullableStringArray', () => {
  it('keeps nil elements as null (MGET, HMGET)', () => {
    expect(toNullableStringArray(['a', null, undefined, 'b'])).toEqual(['a', null, null, 'b']);
  });

  it('rejects a reply that is not an array', () => {
    expect(() => toNullableStringArray(null)).toThrow(TypeError);
  });
});

describe('toInteger (the integer rule)', () => {
  it('accepts integers up to ±2^53 as numbers, bigints and digit strings', () => {
    expect(toInteger(9007199254740991)).toBe(9007199254740991);
    expect(toInteger(9007199254740992n)).toBe(2 ** 53);
    expect(toInteger('-9007199254740992')).toBe(-(2 ** 53));
  });

  it('rejects beyond ±2^53 with IntegerRangeError, keeping the exact digits when it has them', () => {
    expect(() => toInteger(9007199254740993n)).toThrow(IntegerRangeError);
    expect(() => toInteger('9223372036854775806')).toThrow(/9223372036854775806/);
    expect(() => toInteger(2 ** 60)).toThrow(IntegerRangeError);
  });

  it('rejects a reply that is no integer with a TypeError (a driver bug)', () => {
    expect(() => toInteger(1.5)).toThrow(TypeError);
    expect(() => toInteger('abc')).toThrow(TypeError);
  });
});

describe('toHash', () => {
  it('pairs a flat [field, value, …] array (RESP2)', () => {
    expect(toHash(['name', 'Ada', 'born', '1815'])).toEqual({ name: 'Ada', born: '1815' });
  });

  it('returns {} for an empty array (a missing key)', () => {
    expect(toHash([])).toEqual({});
  });

  it('accepts the object ioredis already built', () => {
    expect(toHash({ name: 'Ada', born: '1815' })).toEqual({ name: 'Ada', born: '1815' });
  });

  it('accepts a Map (RESP3)', () => {
    expect(toHash(new Map([['name', 'Ada']]))).toEqual({ name: 'Ada' });
  });

  it('decodes Buffer values', () => {
    expect(toHash(['name', Buffer.from('Ada')])).toEqual({ name: 'Ada' });
  });

  it('keeps fields named like Object.prototype members as own keys', () => {
    const hash = toHash(['__proto__', 'a', 'toString', 'b', 'constructor', 'c']);
    expect(Object.keys(hash)).toEqual(['__proto__', 'toString', 'constructor']);
    const protoField = '__proto__';
    expect(hash[protoField]).toBe('a');
    expect(hash.toString).toBe('b');
    expect(hash.constructor).toBe('c');
  });

  it('keeps them from the object ioredis built, too', () => {
    const built = Object.fromEntries([['__proto__', 'a']]);
    expect(Object.entries(toHash(built))).toEqual([['__proto__', 'a']]);
  });

  it('answers undefined for a field the hash does not have, whatever its name', () => {
    const hash = toHash(['name', 'Ada']);
    expect([hash.constructor, hash.toString, hash.hasOwnProperty]).toEqual([undefined, undefined, undefined]);
  });

  it('rejects a flat array with a field but no value', () => {
    expect(() => toHash(['name'])).toThrow(TypeError);
  });

  it('rejects nil', () => {
    expect(() => toHash(null)).toThrow(TypeError);
  });
});

describe('toScoredMembers', () => {
  it('pairs a flat [member, score, …] array into { member, score } with numeric scores', () => {
    expect(toScoredMembers(['alice', '10', 'bob', '2.5'])).toEqual([
      { member: 'alice', score: 10 },
      { member: 'bob', score: 2.5 },
    ]);
  });

  it('parses infinite scores', () => {
    expect(toScoredMembers(['low', '-inf', 'high', 'inf'])).toEqual([
      { member: 'low', score: Number.NEGATIVE_INFINITY },
      { member: 'high', score: Number.POSITIVE_INFINITY },
    ]);
  });

  it('accepts scores that are already numbers', () => {
    expect(toScoredMembers(['alice', 10])).toEqual([{ member: 'alice', score: 10 }]);
  });

  it('returns [] for an empty reply (ZPOPMIN on an empty set)', () => {
    expect(toScoredMembers([])).toEqual([]);
  });

  it('rejects a reply that is not an array', () => {
    expect(() => toScoredMembers(null)).toThrow(TypeError);
  });
});

describe('toScanPage', () => {
  it('returns { cursor, keys } from [cursor, keys]', () => {
    expect(toScanPage(['17', ['a', 'b']])).toEqual({ cursor: '17', keys: ['a', 'b'] });
  });

  it('returns the cursor as a string even when it arrives as a number', () => {
    expect(toScanPage([0, []])).toEqual({ cursor: '0', keys: [] });
  });

  it('rejects a reply that is not a pair', () => {
    expect(() => toScanPage(['0'])).toThrow(TypeError);
    expect(() => toScanPage({ cursor: '0', keys: [] })).toThrow(TypeError);
  });
});

describe('toTime', () => {
  it('returns { seconds, microseconds } as numbers from the two strings', () => {
    expect(toTime(['1700000000', '123456'])).toEqual({ seconds: 1700000000, microseconds: 123456 });
  });

  it('rejects a reply with a missing part', () => {
    expect(() => toTime(['1700000000'])).toThrow(TypeError);
  });
});

describe('toKeyedElement', () => {
  it('returns { key, element } from [key, element] (BLPOP, BRPOP)', () => {
    expect(toKeyedElement(['jobs', 'job-1'])).toEqual({ key: 'jobs', element: 'job-1' });
  });

  it('turns nil (a timeout) into null', () => {
    expect(toKeyedElement(null)).toBeNull();
    expect(toKeyedElement(undefined)).toBeNull();
  });

  it('rejects a reply without an element', () => {
    expect(() => toKeyedElement(['jobs'])).toThrow(TypeError);
  });
});

describe('toKeyedScoredMember', () => {
  it('returns { key, member, score } with a numeric score (BZPOPMIN)', () => {
    expect(toKeyedScoredMember(['board', 'alice', '1.5'])).toEqual({ key: 'board', member: 'alice', score: 1.5 });
  });

  it('turns nil (a timeout) into null', () => {
    expect(toKeyedScoredMember(null)).toBeNull();
  });

  it('rejects a reply that is not a triple', () => {
    expect(() => toKeyedScoredMember(['board', 'alice'])).toThrow(TypeError);
  });
});

describe('toRedisReply', () => {
  it('keeps integers and strings', () => {
    expect(toRedisReply(42)).toBe(42);
    expect(toRedisReply('text')).toBe('text');
  });

  it('turns nil into null', () => {
    expect(toRedisReply(null)).toBeNull();
    expect(toRedisReply(undefined)).toBeNull();
  });

  it('decodes Buffers', () => {
    expect(toRedisReply(Buffer.from('text'))).toBe('text');
  });

  it('converts nested arrays element by element', () => {
    expect(toRedisReply([1, 'two', null, [Buffer.from('three')]])).toEqual([1, 'two', null, ['three']]);
  });

  it('rejects a value Redis never returns from a script (an object)', () => {
    expect(() => toRedisReply({ ok: 'OK' })).toThrow(TypeError);
  });

  it('throws an error element (a script returned {err = …} inside a table) as a RedisCommandError', () => {
    const reply = () => toRedisReply([1, [new Error('MYCODE inside')], 3]);
    expect(reply).toThrow(RedisCommandError);
    expect(reply).toThrow(expect.objectContaining({ code: 'MYCODE', message: 'MYCODE inside' }));
  });
});
