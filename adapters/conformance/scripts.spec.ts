import { createHash } from 'node:crypto';
import { describe, expect, test } from '../../harness/test.js';
import { NoScriptError, RedisCommandError } from '../errors/redis-command-error.js';

/** A script body made unique to the test, so the server has never seen it. */
const fresh = (prefix: string, body: string) => `-- ${prefix}\n${body}`;

describe('defineScript', () => {
  test('sha is the SHA1 of the source, as SCRIPT LOAD computes it', async ({ redis, prefix }) => {
    const source = fresh(prefix, 'return 1');
    const script = redis.defineScript(source);
    expect(script.sha).toBe(createHash('sha1').update(source).digest('hex'));
  });

  test('evalSha of a script the server does not know rejects with NoScriptError', async ({ redis, prefix }) => {
    const script = redis.defineScript(fresh(prefix, 'return 1'));
    const evalSha = redis.evalSha(script.sha, [], []);
    await expect(evalSha).rejects.toBeInstanceOf(NoScriptError);
    await expect(evalSha).rejects.toMatchObject({ code: 'NOSCRIPT' });
  });

  test('run loads a script the server does not know, after which EVALSHA finds it', async ({ redis, prefix }) => {
    const script = redis.defineScript(fresh(prefix, 'return 42'));
    expect(await script.run([], [])).toBe(42);
    expect(await redis.evalSha(script.sha, [], [])).toBe(42);
    expect(await script.run([], [])).toBe(42);
  });

  test('a script reads KEYS and ARGV', async ({ redis, prefix }) => {
    const script = redis.defineScript(
      fresh(prefix, "redis.call('SET', KEYS[1], ARGV[1])\nreturn {KEYS[1], redis.call('GET', KEYS[1]), #ARGV}"),
    );
    expect(await script.run([`${prefix}k`], ['stored', 'extra'])).toEqual([`${prefix}k`, 'stored', 2]);
    expect(await redis.get(`${prefix}k`)).toBe('stored');
  });

  test('run sends number arguments as their text', async ({ redis, prefix }) => {
    const script = redis.defineScript(
      fresh(prefix, 'return {ARGV[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), type(ARGV[2])}'),
    );
    expect(await script.run([], [2, 3])).toEqual(['2', 5, 'string']);
  });

  test('a Lua integer comes back as a number', async ({ redis, prefix }) => {
    expect(await redis.defineScript(fresh(prefix, 'return 7')).run([], [])).toBe(7);
  });

  test('a Lua string comes back as a string', async ({ redis, prefix }) => {
    expect(await redis.defineScript(fresh(prefix, "return 'text'")).run([], [])).toBe('text');
  });

  test('Lua nil and false come back as null', async ({ redis, prefix }) => {
    expect(await redis.defineScript(fresh(prefix, 'return nil')).run([], [])).toBeNull();
    expect(await redis.defineScript(fresh(prefix, 'return false')).run([], [])).toBeNull();
  });

  test('a Lua table comes back as an array, nested tables as nested arrays', async ({ redis, prefix }) => {
    const script = redis.defineScript(fresh(prefix, "return {1, 'two', {3, 'four'}}"));
    expect(await script.run([], [])).toEqual([1, 'two', [3, 'four']]);
  });

  test('a Lua float comes back truncated to an integer, true as 1', async ({ redis, prefix }) => {
    expect(await redis.defineScript(fresh(prefix, 'return 3.7')).run([], [])).toBe(3);
    expect(await redis.defineScript(fresh(prefix, 'return -3.7')).run([], [])).toBe(-3);
    expect(await redis.defineScript(fresh(prefix, 'return true')).run([], [])).toBe(1);
  });

  test('a table comes back up to its first nil', async ({ redis, prefix }) => {
    expect(await redis.defineScript(fresh(prefix, "return {1, 'two', nil, 4}")).run([], [])).toEqual([1, 'two']);
  });

  test('a failing redis.call aborts the script with a RedisCommandError', async ({ redis, slotPrefix, skip }) => {
    skip(
      !redis.capabilities.luaSemantics,
      `redis.call on the ${redis.backend} backend runs the raw command, without Redis' checks (capabilities.luaSemantics)`,
    );
    await redis.set(`${slotPrefix}text`, 'abc');
    const script = redis.defineScript(
      fresh(slotPrefix, "redis.call('INCR', KEYS[1])\nredis.call('SET', KEYS[2], 'ran')\nreturn 1"),
    );
    await expect(script.run([`${slotPrefix}text`, `${slotPrefix}after`], [])).rejects.toBeInstanceOf(RedisCommandError);
    expect(await redis.exists(`${slotPrefix}after`)).toBe(0);
  });
});
