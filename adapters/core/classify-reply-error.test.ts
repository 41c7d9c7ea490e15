import { describe, expect, it } from 'vitest';
import { NoScriptError, RedisCommandError, WrongTypeError } from '../errors/redis-command-error.js';
import { RedisError } from '../errors/redis-error.js';
import { classifyReplyError } from './classify-reply-error.js';

const wrongType = 'WRONGTYPE Operation against a key holding the wrong kind of value';

describe('classifyReplyError', () => {
  it('turns a WRONGTYPE reply into a WrongTypeError with code WRONGTYPE', () => {
    const error = classifyReplyError(wrongType, 'LPUSH');
    expect(error).toBeInstanceOf(WrongTypeError);
    expect(error).toMatchObject({ name: 'WrongTypeError', code: 'WRONGTYPE', message: wrongType, command: 'LPUSH' });
  });

  it('turns a NOSCRIPT reply into a NoScriptError', () => {
    const error = classifyReplyError('NOSCRIPT No matching script. Please use EVAL.', 'EVALSHA');
    expect(error).toBeInstanceOf(NoScriptError);
    expect(error).toMatchObject({ name: 'NoScriptError', code: 'NOSCRIPT' });
  });

  it('turns an ERR reply into a plain RedisCommandError with code ERR', () => {
    const error = classifyReplyError('ERR value is not an integer or out of range', 'INCR');
    expect(error.constructor).toBe(RedisCommandError);
    expect(error).toMatchObject({
      name: 'RedisCommandError',
      code: 'ERR',
      message: 'ERR value is not an integer or out of range',
      command: 'INCR',
    });
  });

  it('keeps any other upper-case first word as the code', () => {
    expect(classifyReplyError('BUSYGROUP Consumer Group name already exists').code).toBe('BUSYGROUP');
    expect(classifyReplyError('EXECABORT Transaction discarded because of previous errors.').code).toBe('EXECABORT');
    expect(classifyReplyError('NOT_A_CODE yet upper case').code).toBe('NOT_A_CODE');
  });

  it('falls back to code ERR when the message has no upper-case code', () => {
    expect(classifyReplyError('value is not an integer').code).toBe('ERR');
    expect(classifyReplyError('Wrongtype mixed case').code).toBe('ERR');
    expect(classifyReplyError('').code).toBe('ERR');
  });

  it('classifies by the first word only, not by a code later in the text', () => {
    const error = classifyReplyError('ERR Error running script: WRONGTYPE Operation against a key');
    expect(error.constructor).toBe(RedisCommandError);
    expect(error.code).toBe('ERR');
  });

  it('leaves the command undefined when it is not given', () => {
    expect(classifyReplyError(wrongType).command).toBeUndefined();
  });

  it('keeps the client error as the cause when given, and none otherwise', () => {
    const cause = new Error('client error');
    expect(classifyReplyError(wrongType, 'GET', cause).cause).toBe(cause);
    expect(classifyReplyError(wrongType, 'GET').cause).toBeUndefined();
  });

  it('returns errors that are instanceof RedisError', () => {
    for (const message of [wrongType, 'NOSCRIPT x', 'ERR x', 'x']) {
      expect(classifyReplyError(message)).toBeInstanceOf(RedisError);
    }
  });
});
