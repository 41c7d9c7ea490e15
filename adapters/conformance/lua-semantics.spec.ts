/**
 * Idiomatic Redis Lua gives the same results on every backend: Redis' Lua 5.1 numbers are
 * doubles, so times in ms and counters past 2^31 are exact; replies convert by Redis'
 * rules; errors are worded as Redis 7 words them.
 */
import { describe, expect, test } from '../../harness/test.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import type { RedisAdapter } from '../redis-adapter.js';

/** Runs `body` as a script made unique to the test, so no server has it cached. */
const run = (redis: RedisAdapter, prefix: string, body: string, keys: string[] = [], args: string[] = []) =>
  redis.defineScript(`-- ${prefix}\n${body}`).run(keys, args);

describe('Lua numbers', () => {
  test("TIME * 1000 + micro / 1000 is Redis' clock in ms", async ({ redis, prefix }) => {
    const before = await redis.time();
    const nowMs = await run(
      redis,
      prefix,
      "local t = redis.call('TIME')\nreturn tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000",
    );
    expect(typeof nowMs).toBe('number');
    const drift = Math.abs((nowMs as number) - (before.seconds * 1000 + before.microseconds / 1000));
    expect(drift, 'ms between TIME in the script and TIME just before').toBeLessThan(5000);
  });

  test('a counter past 2^31 and up to 2^53 stays exact', async ({ redis, prefix }) => {
    const script = 'local n = tonumber(ARGV[1]) return {n * 1000, n + n, tostring(n * 2), 2^53, 2^52 + 1}';
    expect(await run(redis, prefix, script, [], ['2147483648'])).toEqual([
      2147483648000,
      4294967296,
      '4294967296',
      2 ** 53,
      2 ** 52 + 1,
    ]);
  });

  test('tostring and tonumber round-trip numbers as Lua 5.1 prints them', async ({ redis, prefix }) => {
    const script =
      "return {tostring(1e3), tostring(10 / 2), tostring(7 / 2), tostring(tonumber('1e2')), tostring(2^53), tostring(1700000000123.456), tostring(tonumber(tostring(0.1)))}";
    expect(await run(redis, prefix, script)).toEqual([
      '1000',
      '5',
      '3.5',
      '100',
      '9.007199254741e+15',
      '1700000000123.5',
      '0.1',
    ]);
  });

  test("string.format('%d') truncates floats; math.floor and math.pow give whole numbers", async ({
    redis,
    prefix,
  }) => {
    const script =
      "return {string.format('%d|%d|%s|%5.2f', 3.7, -3.7, 1e3, 2), math.floor(-3.5), math.pow(2, 10) .. '', unpack({1, 2})}";
    expect(await run(redis, prefix, script)).toEqual(['3|-3|1000| 2.00', -4, '1024', 1, 2]);
  });

  test('a number argument to redis.call is written with 17 significant digits', async ({ redis, prefix }) => {
    const script = "redis.call('SET', KEYS[1], ARGV[1] * 1000 + 0.5) return redis.call('GET', KEYS[1])";
    expect(await run(redis, prefix, script, [`${prefix}n`], ['1700000000123'])).toBe('1700000000123000.5');
  });
});

describe('reply conversion', () => {
  test('numbers truncate toward zero, -0.5 becomes 0, true becomes 1', async ({ redis, prefix }) => {
    expect(await run(redis, prefix, 'return {3.9, -3.9, true}')).toEqual([3, -3, 1]);
    expect(await run(redis, prefix, 'return -0.5')).toBe(0);
  });

  test('a table stops at its first nil; false inside it is nil', async ({ redis, prefix }) => {
    expect(await run(redis, prefix, "return {1, false, 'x', nil, 5}")).toEqual([1, null, 'x']);
  });

  test('{ok = s} is a status, {err = s} an error reply', async ({ redis, prefix }) => {
    expect(await run(redis, prefix, "return {ok='FINE'}")).toBe('FINE');
    await expect(run(redis, prefix, "return {err='MYCODE went wrong'}")).rejects.toMatchObject({
      code: 'MYCODE',
      message: 'MYCODE went wrong',
    });
  });

  test('an error inside a returned table rejects with a RedisCommandError', async ({ redis, prefix }) => {
    const reply = run(redis, prefix, "return {1, {err='MYCODE inside'}, 3}");
    await expect(reply).rejects.toBeInstanceOf(RedisCommandError);
    await expect(reply).rejects.toMatchObject({ code: 'MYCODE', message: 'MYCODE inside' });
  });

  test('redis.error_reply adds ERR to a one-word message; status_reply returns its text', async ({ redis, prefix }) => {
    await expect(run(redis, prefix, "return redis.error_reply('boom')")).rejects.toMatchObject({
      message: 'ERR boom',
    });
    expect(await run(redis, prefix, "return redis.status_reply('FINE')")).toBe('FINE');
  });

  test("redis.call answers Redis' types: nil as false, a status as {ok = …}", async ({ redis, slotPrefix }) => {
    const script =
      "redis.call('SET', KEYS[1], 'v') return {type(redis.call('GET', KEYS[2])), redis.call('TYPE', KEYS[1]).ok, redis.call('SET', KEYS[1], 'w')}";
    expect(await run(redis, slotPrefix, script, [`${slotPrefix}s`, `${slotPrefix}missing`])).toEqual([
      'boolean',
      'string',
      'OK',
    ]);
  });
});

describe('Lua errors', () => {
  test("an error raised by the script names its line and the script's SHA", async ({ redis, prefix }) => {
    const script = redis.defineScript(`-- ${prefix}\nlocal a = 1\nerror('boom')`);
    await expect(script.run([], [])).rejects.toMatchObject({
      code: 'ERR',
      message: `ERR user_script:3: boom script: ${script.sha}, on @user_script:3.`,
    });
  });

  test('a failing redis.call aborts the script with the command error', async ({ redis, prefix }) => {
    await redis.set(`${prefix}text`, 'abc');
    const script = redis.defineScript(`-- ${prefix}\nreturn redis.call('INCR', KEYS[1])`);
    await expect(script.run([`${prefix}text`], [])).rejects.toMatchObject({
      message: `ERR value is not an integer or out of range script: ${script.sha}, on @user_script:2.`,
    });
  });

  test('redis.pcall returns the error as a table; pcall catches it as its text', async ({ redis, prefix }) => {
    await redis.set(`${prefix}text`, 'abc');
    const script =
      "local e = redis.pcall('INCR', KEYS[1]) local ok, text = pcall(redis.call, 'LPUSH', KEYS[1], 'x') return {e.err, tostring(ok), text}";
    expect(await run(redis, prefix, script, [`${prefix}text`])).toEqual([
      'ERR value is not an integer or out of range',
      'false',
      'WRONGTYPE Operation against a key holding the wrong kind of value',
    ]);
  });

  test('a global variable can be neither created nor read before it exists', async ({ redis, prefix }) => {
    await expect(run(redis, prefix, 'x = 1')).rejects.toThrow(/Attempt to modify a readonly table/);
    await expect(run(redis, prefix, 'return nosuch')).rejects.toThrow(
      /Script attempted to access nonexistent global variable 'nosuch'/,
    );
  });

  test("Lua 5.2+ syntax does not compile, as in Redis' Lua 5.1", async ({ redis, prefix }) => {
    for (const body of ['return 7 // 2', 'local a = 1\nreturn a & 2', 'return 1 << 2', 'goto done ::done::']) {
      await expect(run(redis, prefix, body), body).rejects.toThrow(/^ERR Error compiling script \(new function\)/);
    }
    const inStringsAndComments = "-- 7 // 2 and a & b\nreturn 'a // b & c ~ d' .. [[ << ]] .. tostring(2 ~= 1)";
    expect(await run(redis, prefix, inStringsAndComments)).toBe('a // b & c ~ d << true');
  });

  test('a script that does not compile is not cached: EVALSHA answers NOSCRIPT', async ({ redis, prefix }) => {
    const script = redis.defineScript(`-- ${prefix}\nreturn {`);
    await expect(script.run([], [])).rejects.toThrow(/^ERR Error compiling script \(new function\): user_script:2:/);
    await expect(redis.evalSha(script.sha, [], [])).rejects.toMatchObject({ code: 'NOSCRIPT' });
  });
});

describe('commands inside scripts', () => {
  test('PEXPIRE NX inside a script leaves an existing TTL alone', async ({ redis, prefix }) => {
    const script =
      "redis.call('SET', KEYS[1], 'v', 'PX', 100000) return {redis.call('PEXPIRE', KEYS[1], 5000, 'NX'), redis.call('PTTL', KEYS[1]) > 60000}";
    expect(await run(redis, prefix, script, [`${prefix}k`])).toEqual([0, 1]);
  });

  test('cjson encodes and decodes as lua-cjson does', async ({ redis, prefix }) => {
    const script =
      "local v = cjson.decode(ARGV[1]) return {cjson.encode({1, 2.5, 'a/b', {n = 1e3}}), v.items[2], v.name}";
    expect(await run(redis, prefix, script, [], ['{"items":[7,8],"name":"x"}'])).toEqual([
      '[1,2.5,"a\\/b",{"n":1000}]',
      8,
      'x',
    ]);
  });

  test('redis.sha1hex and bit work as on Redis', async ({ redis, prefix }) => {
    expect(await run(redis, prefix, "return {redis.sha1hex(''), bit.band(255, 15), bit.tohex(255)}")).toEqual([
      'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      15,
      '000000ff',
    ]);
  });
});
