import { describe, expect, it } from 'vitest';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { errorFromReply } from './error-from-reply.js';

/** Redis 7's exact reply texts, as `redis-server` sends them. */
const refusals = [
  ['oom', "OOM command not allowed when used memory > 'maxmemory'."],
  ['busy', 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSCRIPT.'],
  ['loading', 'LOADING Redis is loading the dataset in memory'],
  ['masterdown', "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."],
  ['readonly', "READONLY You can't write against a read only replica."],
  ['readonly', 'NOREPLICAS Not enough good replicas to write.'],
] as const;

describe('errorFromReply', () => {
  it.each(refusals)('turns a refusal into RedisUnavailableError with reason %s, keeping the text', (reason, text) => {
    const error = errorFromReply(text, 'SET');
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect(error).toMatchObject({ name: 'RedisUnavailableError', reason });
    expect(error.message).toContain(text);
    expect(error.message).toContain('SET');
  });

  it('classifies every other reply as a RedisCommandError by its code', () => {
    for (const text of [
      'ERR syntax error',
      'BUSYGROUP Consumer Group name already exists',
      'BUSYKEY Target key name',
    ]) {
      const error = errorFromReply(text, 'XGROUP');
      expect(error).toBeInstanceOf(RedisCommandError);
      expect(error).toMatchObject({ code: text.split(' ')[0] });
    }
  });

  it('keeps the client error as the cause', () => {
    const cause = new Error('client error');
    expect(errorFromReply('LOADING Redis is loading the dataset in memory', 'GET', cause).cause).toBe(cause);
  });

  it('does not take a code from an object prototype', () => {
    expect(errorFromReply('CONSTRUCTOR is not a refusal')).toBeInstanceOf(RedisCommandError);
  });
});
