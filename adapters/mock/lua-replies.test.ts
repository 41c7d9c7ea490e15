import { describe, expect, it } from 'vitest';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { fromScriptTokens, raisedError, toReplyTokens } from './lua-replies.js';

describe('toReplyTokens', () => {
  it('writes integers, strings and nil as RESP-shaped tokens', () => {
    expect(toReplyTokens(['INCR', 'k'], 5)).toEqual([':', 5]);
    expect(toReplyTokens(['GET', 'k'], 'v')).toEqual(['$', 'v']);
    expect(toReplyTokens(['GET', 'k'], null)).toEqual(['_']);
  });

  it('writes an array with its length, nil elements included', () => {
    expect(toReplyTokens(['MGET', 'a', 'b'], ['x', null])).toEqual(['*', 2, '$', 'x', '_']);
    expect(toReplyTokens(['LRANGE', 'k', '0', '-1'], [])).toEqual(['*', 0]);
  });

  it("writes a status for commands that answer one, but SET … GET's old value as a string", () => {
    expect(toReplyTokens(['SET', 'k', 'v'], 'OK')).toEqual(['+', 'OK']);
    expect(toReplyTokens(['TYPE', 'k'], 'string')).toEqual(['+', 'string']);
    expect(toReplyTokens(['SET', 'k', 'v', 'GET'], 'OK')).toEqual(['$', 'OK']);
  });

  it('writes a hash the mock answers as an object as the flat array Redis sends', () => {
    expect(toReplyTokens(['HGETALL', 'h'], { a: '1', b: '2' })).toEqual([
      '*',
      4,
      '$',
      'a',
      '$',
      '1',
      '$',
      'b',
      '$',
      '2',
    ]);
  });
});

describe('fromScriptTokens', () => {
  it('reads integers, strings, nil and nested arrays', () => {
    expect(fromScriptTokens(['*', 3, ':', 1, '_', '*', 1, '$', 'x'], 'EVAL')).toEqual([1, null, ['x']]);
  });

  it('reads a status as its text, and -0 as 0', () => {
    expect(fromScriptTokens(['+', 'FINE'], 'EVAL')).toBe('FINE');
    expect(Object.is(fromScriptTokens([':', -0], 'EVAL'), 0)).toBe(true);
  });

  it('throws an error at the top, classified by its first word', () => {
    expect(() => fromScriptTokens(['-', 'MYCODE boom'], 'EVAL')).toThrow(
      expect.objectContaining({ code: 'MYCODE', message: 'MYCODE boom' }),
    );
  });

  it('keeps an error inside an array as a RedisCommandError element', () => {
    const [first, second] = fromScriptTokens(['*', 2, ':', 1, '-', 'ERR inside'], 'EVAL') as unknown[];
    expect(first).toBe(1);
    expect(second).toBeInstanceOf(RedisCommandError);
    expect(second).toMatchObject({ code: 'ERR', message: 'ERR inside' });
  });
});

describe('raisedError', () => {
  it("words a raised error as Redis 7 does, with the script's SHA and line", () => {
    expect(raisedError('ERR user_script:3: boom', 3, 'abc', 'EVALSHA').message).toBe(
      'ERR user_script:3: boom script: abc, on @user_script:3.',
    );
  });
});
