import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { BatchError } from '../../errors/batch-error.js';
import { NoScriptError, RedisCommandError, WrongTypeError } from '../../errors/redis-command-error.js';
import { type DeviationProbes, rejectionOf } from './probe.js';

const sha1 = (source: string) => createHash('sha1').update(source).digest('hex');

export const transactionAndScriptProbes: DeviationProbes = {
  'multi-errors-lost': {
    async raw({ client }) {
      await client.set('text', 'abc');
      await expect(client.multi().set('a', '1').lpush('text', 'x').exec()).rejects.toThrow(/does not contain a list/);
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}text`, 'abc');
      const error = await rejectionOf(
        redis.multi().set(`${prefix}a`, '1').lPush(`${prefix}text`, 'x').incr(`${prefix}a`).exec(),
      );
      expect(error).toBeInstanceOf(BatchError);
      expect((error as BatchError).outcomes).toEqual([
        { value: true },
        { error: expect.any(WrongTypeError) },
        { value: 2 },
      ]);
    },
  },

  'watch-no-op-writes': {
    async raw({ client, connect }) {
      const other = connect().client;
      await client.sadd('set', 'm');
      await client.watch('set', 'missing');
      await other.sadd('set', 'm');
      await other.del('missing');
      expect(await client.multi().set('x', '1').exec()).toBeNull();
    },
    async adapter({ redis, other, prefix }) {
      await redis.sAdd(`${prefix}set`, 'm');
      const replies = await redis.watch(async (tx) => {
        await tx.watchKeys(`${prefix}set`, `${prefix}missing`);
        await other.sAdd(`${prefix}set`, 'm');
        await other.del(`${prefix}missing`, `${prefix}x`);
        await other.zAdd(`${prefix}missing`, [{ member: 'm', score: 1 }], { xx: true });
        await other.lTrim(`${prefix}missing`, 0, 1);
        await other.zUnionStore(`${prefix}missing`, [`${prefix}none`]);
        return tx.multi().set(`${prefix}x`, '1').exec();
      });
      expect(replies).toEqual([true]);
    },
  },

  'script-cache-per-connection': {
    async raw({ send, connect }) {
      const source = 'return 11';
      await send('EVAL', source, 0);
      await expect(connect().send('EVALSHA', sha1(source), 0)).rejects.toThrow(/NOSCRIPT/);
      await expect(send('SCRIPT', 'LOAD', source)).rejects.toThrow(/Unsupported command/);
    },
    async adapter({ redis, other, prefix }) {
      const source = `-- ${prefix}\nreturn 11`;
      await expect(other.evalSha(sha1(source), [], [])).rejects.toBeInstanceOf(NoScriptError);
      expect(await redis.sendCommand(['SCRIPT', 'LOAD', source])).toBe(sha1(source));
      expect(await other.evalSha(sha1(source), [], [])).toBe(11);
    },
  },

  'lua-return-conversion': {
    async raw({ send }) {
      expect(await send('EVAL', 'return 3.7', 0)).toBe(3.7);
      expect(await send('EVAL', 'return true', 0)).toBe(true);
      expect(await send('EVAL', 'return nil', 0)).toBeUndefined();
      expect(await send('EVAL', "return {ok='OK'}", 0)).not.toBe('OK');
    },
    async adapter({ redis, prefix }) {
      const run = (body: string) => redis.defineScript(`-- ${prefix}\n${body}`).run([], []);
      expect(await run('return 3.7')).toBe(3);
      expect(await run('return -3.7')).toBe(-3);
      expect(await run('return true')).toBe(1);
      expect(await run('return false')).toBeNull();
      expect(await run('return nil')).toBeNull();
      expect(await run("return {1, 2.5, 'x', nil, 4}")).toEqual([1, 2, 'x']);
      expect(await run("return {ok='FINE'}")).toBe('FINE');
    },
  },

  'lua-error-replies': {
    async raw({ send }) {
      await expect(send('EVAL', "return redis.error_reply('MY boom')", 0)).rejects.toThrow(
        /attempt to call a nil value/,
      );
      await send('SET', 'text', 'abc');
      expect(await send('EVAL', "return redis.call('INCR', KEYS[1])", 1, 'text')).toBe(false);
    },
    async adapter({ redis, prefix }) {
      const script = (body: string) => redis.defineScript(`-- ${prefix}\n${body}`);
      await expect(script("return redis.error_reply('MYCODE boom')").run([], [])).rejects.toMatchObject({
        code: 'MYCODE',
      });
      expect(await script("return redis.status_reply('FINE')").run([], [])).toBe('FINE');
      await redis.set(`${prefix}text`, 'abc');
      const call = script("redis.call('LPUSH', KEYS[1], 'x')\nreturn 1").run([`${prefix}text`], []);
      await expect(call).rejects.toBeInstanceOf(RedisCommandError);
      await expect(call).rejects.toMatchObject({ code: 'WRONGTYPE' });
      expect(await script("return redis.pcall('LPUSH', KEYS[1], 'x')['err']").run([`${prefix}text`], [])).toMatch(
        /^WRONGTYPE Operation against a key holding the wrong kind of value/,
      );
    },
  },

  'lua-numbers-not-doubles': {
    async raw({ send }) {
      expect(await send('EVAL', "return tonumber('1700000000') * 1000", 0)).toBe(-807049216);
    },
    async adapter({ redis, prefix }) {
      const script = (expression: string) => redis.defineScript(`-- ${prefix}\nreturn ${expression}`).run([], []);
      expect(await script("tonumber('1700000000') * 1000")).toBe(1700000000000);
      expect(await script('tostring(10 / 2)')).toBe('5');
      expect(await script("'x' .. 10 / 2")).toBe('x5.0');
    },
  },

  'lua-bypasses-emulation': {
    async raw({ send }) {
      await expect(send('EVAL', 'return cjson.encode({1})', 0)).rejects.toThrow(/attempt to index a nil value/);
      await expect(send('EVAL', "return redis.call('ZADD', KEYS[1], 'GT', 1, 'a')", 1, 'z')).rejects.toThrow();
    },
    async adapter({ redis, prefix }) {
      const script = (body: string) => redis.defineScript(`-- ${prefix}\n${body}`).run([`${prefix}z`], []);
      expect(await script('return cjson.encode({1})')).toBe('[1]');
      expect(await script("return redis.call('ZADD', KEYS[1], 'GT', 'CH', 1, 'a')")).toBe(1);
    },
  },
};
