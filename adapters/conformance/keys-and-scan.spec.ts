import { describe, expect, test } from '../../harness/test.js';
import type { RedisAdapter, ScanOptions } from '../redis-adapter.js';

/** Walks SCAN until the cursor is back at '0'; returns every key once, sorted, and the pages. */
async function scanAll(redis: RedisAdapter, options: ScanOptions) {
  const keys = new Set<string>();
  const cursors: string[] = [];
  let cursor = '0';
  do {
    const page = await redis.scan(cursor, options);
    cursor = page.cursor;
    cursors.push(cursor);
    for (const key of page.keys) keys.add(key);
  } while (cursor !== '0' && cursors.length < 10_000);
  return { keys: [...keys].sort(), cursors };
}

describe('keys', () => {
  test('del returns how many of the keys existed, and deletes them', async ({ redis, slotPrefix }) => {
    await redis.set(`${slotPrefix}a`, '1');
    await redis.set(`${slotPrefix}b`, '2');
    expect(await redis.del(`${slotPrefix}a`, `${slotPrefix}b`, `${slotPrefix}missing`)).toBe(2);
    expect(await redis.exists(`${slotPrefix}a`, `${slotPrefix}b`)).toBe(0);
  });

  test('unlink returns how many of the keys existed, and deletes them', async ({ redis, slotPrefix }) => {
    await redis.set(`${slotPrefix}a`, '1');
    await redis.hSet(`${slotPrefix}h`, { f: 'v' });
    expect(await redis.unlink(`${slotPrefix}a`, `${slotPrefix}h`, `${slotPrefix}missing`)).toBe(2);
    expect(await redis.exists(`${slotPrefix}a`, `${slotPrefix}h`)).toBe(0);
  });

  test('exists counts the existing keys, a key named twice twice', async ({ redis, slotPrefix }) => {
    await redis.set(`${slotPrefix}a`, '1');
    expect(await redis.exists(`${slotPrefix}a`)).toBe(1);
    expect(await redis.exists(`${slotPrefix}a`, `${slotPrefix}a`, `${slotPrefix}missing`)).toBe(2);
  });

  test('type names the type of each key, none for a missing one', async ({ redis, prefix }) => {
    await redis.set(`${prefix}string`, 'v');
    await redis.hSet(`${prefix}hash`, { f: 'v' });
    await redis.rPush(`${prefix}list`, 'a');
    await redis.sAdd(`${prefix}set`, 'a');
    await redis.zAdd(`${prefix}zset`, [{ member: 'a', score: 1 }]);
    const types = await Promise.all(
      ['string', 'hash', 'list', 'set', 'zset', 'missing'].map((name) => redis.type(`${prefix}${name}`)),
    );
    expect(types).toEqual(['string', 'hash', 'list', 'set', 'zset', 'none']);
  });
});

describe('scan', () => {
  test('scan returns a page of { cursor, keys } with the cursor as a string', async ({ redis, prefix }) => {
    await redis.set(`${prefix}a`, '1');
    const page = await redis.scan('0', { match: `${prefix}*` });
    expect(page).toEqual({ cursor: expect.any(String), keys: expect.any(Array) });
  });

  test('a scan walk from cursor 0 back to 0 returns every matching key', async ({ redis, prefix }) => {
    const written = Array.from({ length: 25 }, (_, i) => `${prefix}key:${String(i).padStart(2, '0')}`);
    const pipeline = redis.pipeline();
    for (const key of written) pipeline.set(key, 'v');
    await pipeline.exec();
    const { keys, cursors } = await scanAll(redis, { match: `${prefix}*`, count: 10 });
    expect(keys).toEqual(written);
    expect(cursors.at(-1)).toBe('0');
  });

  test('scan with match returns only keys matching the glob', async ({ redis, prefix }) => {
    await redis.set(`${prefix}user:1`, 'a');
    await redis.set(`${prefix}user:2`, 'b');
    await redis.set(`${prefix}order:1`, 'c');
    const { keys } = await scanAll(redis, { match: `${prefix}user:*` });
    expect(keys).toEqual([`${prefix}user:1`, `${prefix}user:2`]);
  });

  test('scan with type returns only keys of that type', async ({ redis, prefix }) => {
    await redis.set(`${prefix}string`, 'v');
    await redis.hSet(`${prefix}hash:1`, { f: 'v' });
    await redis.hSet(`${prefix}hash:2`, { f: 'v' });
    await redis.sAdd(`${prefix}set`, 'a');
    const { keys } = await scanAll(redis, { match: `${prefix}*`, type: 'hash' });
    expect(keys).toEqual([`${prefix}hash:1`, `${prefix}hash:2`]);
  });

  test('a scan walk over a pattern nothing matches returns no keys and ends at cursor 0', async ({ redis, prefix }) => {
    const { keys, cursors } = await scanAll(redis, { match: `${prefix}nothing:*` });
    expect(keys).toEqual([]);
    expect(cursors.at(-1)).toBe('0');
  });
});
