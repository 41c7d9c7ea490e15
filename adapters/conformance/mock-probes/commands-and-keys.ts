import { expect } from 'vitest';
import { UnsupportedCommandError } from '../../errors/unsupported-command-error.js';
import type { DeviationProbes } from './probe.js';

export const commandsAndKeysProbes: DeviationProbes = {
  'no-raw-command': {
    async raw({ client }) {
      expect((client as unknown as Record<string, unknown>).call).toBeUndefined();
    },
    async adapter({ redis, prefix }) {
      expect(await redis.sendCommand(['SET', `${prefix}k`, 'v'])).toBe('OK');
      expect(await redis.sendCommand(['GET', `${prefix}k`])).toBe('v');
    },
  },

  'missing-commands': {
    async raw({ send }) {
      await expect(send('SELECT', 1)).rejects.toThrow(/Unsupported command/);
      await expect(send('SINTERCARD', 1, 'k')).rejects.toThrow(/Unsupported command/);
    },
    async adapter({ redis, prefix }) {
      await expect(redis.sendCommand(['SINTERCARD', '1', `${prefix}s`])).rejects.toBeInstanceOf(
        UnsupportedCommandError,
      );
      await expect(redis.sendCommand(['SELECT', '1'])).rejects.toThrow(/does not support SELECT/);
    },
  },

  'scan-skips-keys': {
    async raw({ send }) {
      for (let i = 0; i < 10; i++) await send('SET', `k${i}`, 'v');
      const seen = new Set<string>();
      let cursor = '0';
      do {
        const [next, keys] = (await send('SCAN', cursor, 'COUNT', 2)) as [string, string[]];
        cursor = next;
        for (const key of keys) seen.add(key);
        if (keys.length > 0) await send('UNLINK', ...keys);
      } while (cursor !== '0');
      expect(seen.size).toBeLessThan(10);
    },
    async adapter({ redis, prefix }) {
      const written = Array.from({ length: 10 }, (_, i) => `${prefix}k${i}`);
      for (const key of written) await redis.set(key, 'v');
      const seen = new Set<string>();
      let cursor = '0';
      do {
        const page = await redis.scan(cursor, { match: `${prefix}*`, count: 2 });
        cursor = page.cursor;
        for (const key of page.keys) seen.add(key);
        if (page.keys.length > 0) await redis.unlink(...page.keys);
      } while (cursor !== '0');
      expect([...seen].sort()).toEqual(written.sort());
    },
  },

  'scan-no-type': {
    async raw({ send }) {
      await expect(send('SCAN', '0', 'TYPE', 'hash')).rejects.toThrow(/Uknown option TYPE/);
      await send('SET', 'é', 'v');
      expect(await send('SCAN', '0', 'MATCH', '?')).toEqual(['0', ['é']]);
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}string`, 'v');
      await redis.hSet(`${prefix}hash`, { f: 'v' });
      const keys: string[] = [];
      let cursor = '0';
      do {
        const page = await redis.scan(cursor, { match: `${prefix}*`, type: 'hash' });
        cursor = page.cursor;
        keys.push(...page.keys);
      } while (cursor !== '0');
      expect(keys).toEqual([`${prefix}hash`]);
      await redis.set(`${prefix}é`, 'v');
      expect((await redis.scan('0', { match: `${prefix}?`, count: 1000 })).keys).toEqual([]);
    },
  },

  'expire-conditions': {
    async raw({ send }) {
      await send('SET', 'k', 'v', 'EX', 100);
      expect(await send('EXPIRE', 'k', 500, 'NX')).toBe(1);
      expect(await send('TTL', 'k')).toBeGreaterThan(100);
      await send('EXPIRE', 'k', 0);
      await send('SET', 'k', 'new', 'EX', 100);
      expect(await send('GET', 'k')).toBeNull();
    },
    async adapter({ redis, prefix }) {
      await redis.set(`${prefix}k`, 'v', { ex: 100 });
      expect(await redis.expire(`${prefix}k`, 500, 'nx')).toBe(false);
      expect(await redis.expire(`${prefix}k`, 50, 'gt')).toBe(false);
      expect(await redis.ttl(`${prefix}k`)).toBeLessThanOrEqual(100);
      expect(await redis.ttl(`${prefix}k`)).toBeGreaterThan(50);
      expect(await redis.expire(`${prefix}k`, 0)).toBe(true);
      await redis.set(`${prefix}k`, 'new', { ex: 100 });
      expect(await redis.get(`${prefix}k`)).toBe('new');
    },
  },

  'empty-containers-exist': {
    async raw({ send }) {
      await send('RPUSH', 'list', 'a');
      await send('LMOVE', 'list', 'other', 'LEFT', 'RIGHT');
      await send('ZADD', 'zset', 1, 'a');
      await send('ZREM', 'zset', 'a');
      expect(await send('EXISTS', 'list', 'zset')).toBe(2);
    },
    async adapter({ redis, prefix }) {
      const emptied = [`${prefix}moved`, `${prefix}removed`, `${prefix}trimmed`, `${prefix}zrem`, `${prefix}zpop`];
      await redis.rPush(`${prefix}moved`, 'a');
      await redis.lMove(`${prefix}moved`, `${prefix}other`, 'left', 'right');
      await redis.rPush(`${prefix}removed`, 'a');
      await redis.lRem(`${prefix}removed`, 0, 'a');
      await redis.rPush(`${prefix}trimmed`, 'a');
      await redis.lTrim(`${prefix}trimmed`, 1, 0);
      await redis.zAdd(`${prefix}zrem`, [{ member: 'a', score: 1 }]);
      await redis.zRem(`${prefix}zrem`, 'a');
      await redis.zAdd(`${prefix}zpop`, [{ member: 'a', score: 1 }]);
      await redis.zPopMin(`${prefix}zpop`);
      expect(await redis.exists(...emptied)).toBe(0);
      expect(await Promise.all(emptied.map((key) => redis.type(key)))).toEqual(emptied.map(() => 'none'));
    },
  },
};
