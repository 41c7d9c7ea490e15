import { describe, expect, it } from 'vitest';
import { type CommandName, commandNames, commandTable } from './command-table.js';

const t = commandTable;

describe('commandTable', () => {
  it('has one entry for every RedisCommands method', () => {
    // The type makes the compiler list every method: a new command without an entry fails here.
    const every: Record<CommandName, true> = {
      get: true,
      set: true,
      mGet: true,
      incr: true,
      incrBy: true,
      incrByFloat: true,
      del: true,
      unlink: true,
      exists: true,
      expire: true,
      pExpire: true,
      ttl: true,
      pTtl: true,
      persist: true,
      type: true,
      scan: true,
      hSet: true,
      hGet: true,
      hMGet: true,
      hGetAll: true,
      hDel: true,
      hIncrBy: true,
      hLen: true,
      hExists: true,
      lPush: true,
      rPush: true,
      lPop: true,
      rPop: true,
      lRange: true,
      lLen: true,
      lRem: true,
      lTrim: true,
      lMove: true,
      sAdd: true,
      sRem: true,
      sMembers: true,
      sIsMember: true,
      sCard: true,
      zAdd: true,
      zIncrBy: true,
      zScore: true,
      zRank: true,
      zRevRank: true,
      zRange: true,
      zRangeWithScores: true,
      zCard: true,
      zCount: true,
      zRem: true,
      zRemRangeByScore: true,
      zPopMin: true,
      zUnionStore: true,
      publish: true,
      evalSha: true,
      time: true,
      ping: true,
    };
    expect([...commandNames].sort()).toEqual(Object.keys(every).sort());
  });

  it('builds command lines of strings only', () => {
    const lines = [
      t.set.toArgs('k', 'v', { px: 500, nx: true }),
      t.incrBy.toArgs('k', 5),
      t.zAdd.toArgs('k', [{ member: 'a', score: 1 }]),
      t.lRange.toArgs('k', 0, -1),
      t.scan.toArgs('0', { count: 100 }),
    ];
    for (const line of lines) for (const arg of line) expect(typeof arg).toBe('string');
  });
});

describe('strings', () => {
  it('get sends GET and returns null for nil', () => {
    expect(t.get.toArgs('k')).toEqual(['GET', 'k']);
    expect(t.get.parse(null)).toBeNull();
    expect(t.get.parse('v')).toBe('v');
  });

  it('set without options sends a bare SET', () => {
    expect(t.set.toArgs('k', 'v')).toEqual(['SET', 'k', 'v']);
  });

  it('set sends EX, PX, KEEPTTL, NX and XX as tokens', () => {
    expect(t.set.toArgs('k', 'v', { ex: 10 })).toEqual(['SET', 'k', 'v', 'EX', '10']);
    expect(t.set.toArgs('k', 'v', { px: 500, nx: true })).toEqual(['SET', 'k', 'v', 'PX', '500', 'NX']);
    expect(t.set.toArgs('k', 'v', { keepTtl: true, xx: true })).toEqual(['SET', 'k', 'v', 'KEEPTTL', 'XX']);
  });

  it('set leaves out options that are false', () => {
    // @ts-expect-error: the types refuse nx with xx, even false; JavaScript may send them.
    expect(t.set.toArgs('k', 'v', { nx: false, xx: false, keepTtl: false })).toEqual(['SET', 'k', 'v']);
  });

  it('set returns true for OK and false for nil', () => {
    expect(t.set.parse('OK')).toBe(true);
    expect(t.set.parse(null)).toBe(false);
  });

  it('mGet sends every key and keeps nil as null', () => {
    expect(t.mGet.toArgs(['a', 'b'])).toEqual(['MGET', 'a', 'b']);
    expect(t.mGet.parse(['1', null])).toEqual(['1', null]);
  });

  it('incrBy and incrByFloat send the increment as text', () => {
    expect(t.incr.toArgs('k')).toEqual(['INCR', 'k']);
    expect(t.incrBy.toArgs('k', -3)).toEqual(['INCRBY', 'k', '-3']);
    expect(t.incrByFloat.toArgs('k', 0.5)).toEqual(['INCRBYFLOAT', 'k', '0.5']);
  });

  it('incrByFloat returns the float string as a number', () => {
    expect(t.incrByFloat.parse('10.5')).toBe(10.5);
  });
});

describe('keys and expiry', () => {
  it('del, unlink and exists send every key', () => {
    expect(t.del.toArgs('a', 'b')).toEqual(['DEL', 'a', 'b']);
    expect(t.unlink.toArgs('a', 'b')).toEqual(['UNLINK', 'a', 'b']);
    expect(t.exists.toArgs('a', 'a')).toEqual(['EXISTS', 'a', 'a']);
    expect(t.exists.parse(2)).toBe(2);
  });

  it('expire and pExpire send the condition in upper case', () => {
    expect(t.expire.toArgs('k', 10)).toEqual(['EXPIRE', 'k', '10']);
    expect(t.expire.toArgs('k', 10, 'nx')).toEqual(['EXPIRE', 'k', '10', 'NX']);
    expect(t.pExpire.toArgs('k', 1500, 'gt')).toEqual(['PEXPIRE', 'k', '1500', 'GT']);
  });

  it('expire, pExpire and persist return booleans', () => {
    expect(t.expire.parse(1)).toBe(true);
    expect(t.pExpire.parse(0)).toBe(false);
    expect(t.persist.toArgs('k')).toEqual(['PERSIST', 'k']);
    expect(t.persist.parse(1)).toBe(true);
  });

  it('ttl and pTtl keep -1 and -2 as numbers', () => {
    expect(t.ttl.toArgs('k')).toEqual(['TTL', 'k']);
    expect(t.pTtl.toArgs('k')).toEqual(['PTTL', 'k']);
    expect(t.ttl.parse(-2)).toBe(-2);
    expect(t.pTtl.parse(-1)).toBe(-1);
  });

  it('type sends TYPE and returns the status text', () => {
    expect(t.type.toArgs('k')).toEqual(['TYPE', 'k']);
    expect(t.type.parse('zset')).toBe('zset');
  });

  it('scan sends MATCH, COUNT and TYPE only when given', () => {
    expect(t.scan.toArgs('0')).toEqual(['SCAN', '0']);
    expect(t.scan.toArgs('12', { match: 'user:*', count: 100, type: 'hash' })).toEqual([
      'SCAN',
      '12',
      'MATCH',
      'user:*',
      'COUNT',
      '100',
      'TYPE',
      'hash',
    ]);
  });

  it('scan returns { cursor, keys }', () => {
    expect(t.scan.parse(['0', ['a']])).toEqual({ cursor: '0', keys: ['a'] });
  });
});

describe('hashes', () => {
  it('hSet flattens the fields object into field value pairs', () => {
    expect(t.hSet.toArgs('h', { name: 'Ada', born: '1815' })).toEqual(['HSET', 'h', 'name', 'Ada', 'born', '1815']);
  });

  it('hGet, hMGet, hDel, hLen and hExists build their lines', () => {
    expect(t.hGet.toArgs('h', 'f')).toEqual(['HGET', 'h', 'f']);
    expect(t.hMGet.toArgs('h', ['a', 'b'])).toEqual(['HMGET', 'h', 'a', 'b']);
    expect(t.hDel.toArgs('h', 'a', 'b')).toEqual(['HDEL', 'h', 'a', 'b']);
    expect(t.hLen.toArgs('h')).toEqual(['HLEN', 'h']);
    expect(t.hExists.toArgs('h', 'f')).toEqual(['HEXISTS', 'h', 'f']);
  });

  it('hIncrBy sends the increment as text and returns a number', () => {
    expect(t.hIncrBy.toArgs('h', 'f', 2)).toEqual(['HINCRBY', 'h', 'f', '2']);
    expect(t.hIncrBy.parse(7)).toBe(7);
  });

  it('hGetAll returns a record from a flat array or an object', () => {
    expect(t.hGetAll.toArgs('h')).toEqual(['HGETALL', 'h']);
    expect(t.hGetAll.parse(['a', '1'])).toEqual({ a: '1' });
    expect(t.hGetAll.parse({ a: '1' })).toEqual({ a: '1' });
  });

  it('hExists returns a boolean', () => {
    expect(t.hExists.parse(0)).toBe(false);
  });
});

describe('lists', () => {
  it('lPush and rPush send every value in order', () => {
    expect(t.lPush.toArgs('l', 'a', 'b')).toEqual(['LPUSH', 'l', 'a', 'b']);
    expect(t.rPush.toArgs('l', 'a', 'b')).toEqual(['RPUSH', 'l', 'a', 'b']);
  });

  it('lRange, lRem and lTrim send indexes and counts as text', () => {
    expect(t.lRange.toArgs('l', 0, -1)).toEqual(['LRANGE', 'l', '0', '-1']);
    expect(t.lRem.toArgs('l', -2, 'x')).toEqual(['LREM', 'l', '-2', 'x']);
    expect(t.lTrim.toArgs('l', 1, 3)).toEqual(['LTRIM', 'l', '1', '3']);
  });

  it('lTrim returns undefined for OK', () => {
    expect(t.lTrim.parse('OK')).toBeUndefined();
  });

  it('lMove sends the list ends in upper case', () => {
    expect(t.lMove.toArgs('src', 'dst', 'right', 'left')).toEqual(['LMOVE', 'src', 'dst', 'RIGHT', 'LEFT']);
    expect(t.lMove.parse(null)).toBeNull();
  });

  it('lPop and rPop return null on an empty list', () => {
    expect(t.lPop.toArgs('l')).toEqual(['LPOP', 'l']);
    expect(t.rPop.toArgs('l')).toEqual(['RPOP', 'l']);
    expect(t.lPop.parse(null)).toBeNull();
  });
});

describe('sets', () => {
  it('sAdd, sRem, sMembers, sIsMember and sCard build their lines', () => {
    expect(t.sAdd.toArgs('s', 'a', 'b')).toEqual(['SADD', 's', 'a', 'b']);
    expect(t.sRem.toArgs('s', 'a')).toEqual(['SREM', 's', 'a']);
    expect(t.sMembers.toArgs('s')).toEqual(['SMEMBERS', 's']);
    expect(t.sIsMember.toArgs('s', 'a')).toEqual(['SISMEMBER', 's', 'a']);
    expect(t.sCard.toArgs('s')).toEqual(['SCARD', 's']);
  });

  it('sIsMember returns a boolean', () => {
    expect(t.sIsMember.parse(1)).toBe(true);
  });
});

describe('sorted sets', () => {
  it('zAdd sends the flags before score member pairs', () => {
    expect(
      t.zAdd.toArgs(
        'z',
        [
          { member: 'a', score: 1 },
          { member: 'b', score: 2.5 },
        ],
        { xx: true, gt: true, ch: true },
      ),
    ).toEqual(['ZADD', 'z', 'XX', 'GT', 'CH', '1', 'a', '2.5', 'b']);
    // @ts-expect-error: the types refuse nx with lt; a JavaScript caller can still send them.
    expect(t.zAdd.toArgs('z', [{ member: 'a', score: 1 }], { nx: true, lt: true })).toEqual([
      'ZADD',
      'z',
      'NX',
      'LT',
      '1',
      'a',
    ]);
  });

  it('zAdd sends infinite scores as +inf and -inf', () => {
    expect(
      t.zAdd.toArgs('z', [
        { member: 'top', score: Number.POSITIVE_INFINITY },
        { member: 'bottom', score: Number.NEGATIVE_INFINITY },
      ]),
    ).toEqual(['ZADD', 'z', '+inf', 'top', '-inf', 'bottom']);
  });

  it('zScore, zRank and zRevRank return a number or null', () => {
    expect(t.zScore.toArgs('z', 'a')).toEqual(['ZSCORE', 'z', 'a']);
    expect(t.zScore.parse('1.5')).toBe(1.5);
    expect(t.zScore.parse('inf')).toBe(Number.POSITIVE_INFINITY);
    expect(t.zScore.parse(null)).toBeNull();
    expect(t.zRank.toArgs('z', 'a')).toEqual(['ZRANK', 'z', 'a']);
    expect(t.zRank.parse(0)).toBe(0);
    expect(t.zRevRank.toArgs('z', 'a')).toEqual(['ZREVRANK', 'z', 'a']);
    expect(t.zRevRank.parse(null)).toBeNull();
  });

  it('zIncrBy sends the increment before the member and returns the score as a number', () => {
    expect(t.zIncrBy.toArgs('z', 2.5, 'a')).toEqual(['ZINCRBY', 'z', '2.5', 'a']);
    expect(t.zIncrBy.parse('4.5')).toBe(4.5);
  });

  it('zRange by index sends the indexes', () => {
    expect(t.zRange.toArgs('z', 0, -1)).toEqual(['ZRANGE', 'z', '0', '-1']);
  });

  it('zRange by score passes bounds through and adds BYSCORE, REV and LIMIT', () => {
    expect(t.zRange.toArgs('z', '(5', '+inf', { by: 'score' })).toEqual(['ZRANGE', 'z', '(5', '+inf', 'BYSCORE']);
    expect(t.zRange.toArgs('z', 10, 0, { by: 'score', rev: true, limit: { offset: 2, count: 3 } })).toEqual([
      'ZRANGE',
      'z',
      '10',
      '0',
      'BYSCORE',
      'REV',
      'LIMIT',
      '2',
      '3',
    ]);
  });

  it('zRange turns infinite number bounds into +inf and -inf', () => {
    expect(t.zRange.toArgs('z', Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, { by: 'score' })).toEqual([
      'ZRANGE',
      'z',
      '-inf',
      '+inf',
      'BYSCORE',
    ]);
  });

  it('zRangeWithScores adds WITHSCORES last and returns scored members', () => {
    expect(t.zRangeWithScores.toArgs('z', 0, -1, { rev: true })).toEqual([
      'ZRANGE',
      'z',
      '0',
      '-1',
      'REV',
      'WITHSCORES',
    ]);
    expect(t.zRangeWithScores.parse(['a', '1', 'b', '2'])).toEqual([
      { member: 'a', score: 1 },
      { member: 'b', score: 2 },
    ]);
  });

  it('zCount and zRemRangeByScore send score bounds', () => {
    expect(t.zCount.toArgs('z', '-inf', '(10')).toEqual(['ZCOUNT', 'z', '-inf', '(10']);
    expect(t.zRemRangeByScore.toArgs('z', 0, Number.POSITIVE_INFINITY)).toEqual(['ZREMRANGEBYSCORE', 'z', '0', '+inf']);
  });

  it('zCard and zRem build their lines', () => {
    expect(t.zCard.toArgs('z')).toEqual(['ZCARD', 'z']);
    expect(t.zRem.toArgs('z', 'a', 'b')).toEqual(['ZREM', 'z', 'a', 'b']);
  });

  it('zPopMin sends a count of 1 by default', () => {
    expect(t.zPopMin.toArgs('z')).toEqual(['ZPOPMIN', 'z', '1']);
    expect(t.zPopMin.toArgs('z', 3)).toEqual(['ZPOPMIN', 'z', '3']);
  });

  it('zPopMin returns [] for an empty set and scored members otherwise', () => {
    expect(t.zPopMin.parse([])).toEqual([]);
    expect(t.zPopMin.parse(['a', '1'])).toEqual([{ member: 'a', score: 1 }]);
  });

  it('zUnionStore sends numkeys, WEIGHTS and AGGREGATE', () => {
    expect(t.zUnionStore.toArgs('dst', ['a', 'b'])).toEqual(['ZUNIONSTORE', 'dst', '2', 'a', 'b']);
    expect(t.zUnionStore.toArgs('dst', ['a', 'b'], { weights: [1, 0.5], aggregate: 'max' })).toEqual([
      'ZUNIONSTORE',
      'dst',
      '2',
      'a',
      'b',
      'WEIGHTS',
      '1',
      '0.5',
      'AGGREGATE',
      'MAX',
    ]);
  });
});

describe('pub/sub, scripts, server', () => {
  it('publish sends the channel then the message', () => {
    expect(t.publish.toArgs('news', 'hello')).toEqual(['PUBLISH', 'news', 'hello']);
    expect(t.publish.parse(2)).toBe(2);
  });

  it('evalSha sends numkeys, the keys, then the arguments', () => {
    expect(t.evalSha.toArgs('abc', ['k1', 'k2'], ['x'])).toEqual(['EVALSHA', 'abc', '2', 'k1', 'k2', 'x']);
    expect(t.evalSha.toArgs('abc', [], [])).toEqual(['EVALSHA', 'abc', '0']);
  });

  it('evalSha converts nested script replies', () => {
    expect(t.evalSha.parse([1, null, ['a']])).toEqual([1, null, ['a']]);
  });

  it('time returns { seconds, microseconds } as numbers', () => {
    expect(t.time.toArgs()).toEqual(['TIME']);
    expect(t.time.parse(['1700000000', '5'])).toEqual({ seconds: 1700000000, microseconds: 5 });
  });

  it('ping returns the status text', () => {
    expect(t.ping.toArgs()).toEqual(['PING']);
    expect(t.ping.parse('PONG')).toBe('PONG');
  });
});
