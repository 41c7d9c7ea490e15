import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { describe, expect, test } from '../../harness/test.js';
import type { RedisAdapter } from '../redis-adapter.js';

/** How many of `keys` exist, one EXISTS each: the keys are spread over every master of a cluster. */
async function existing(redis: RedisAdapter, ...keys: string[]): Promise<number> {
  const counts = await Promise.all(keys.map((key) => redis.exists(key)));
  return counts.reduce((sum, count) => sum + count, 0);
}

describe.sequential('the per-test key prefix', () => {
  let previous: { prefix: string; key: string } | undefined;

  test('a test gets a prefix like t:<8 hex>: and a channel prefix under it', ({ prefix, channelPrefix }) => {
    expect(prefix).toMatch(/^t:[0-9a-f]{8}:$/);
    expect(channelPrefix.startsWith(prefix)).toBe(true);
  });

  test('a key written under the prefix is visible to another adapter during the test', async ({
    redis,
    prefix,
    connect,
  }) => {
    await redis.set(`${prefix}left-behind`, 'v');
    expect(await connect().get(`${prefix}left-behind`)).toBe('v');
    previous = { prefix, key: `${prefix}left-behind` };
  });

  test("the next test has another prefix, and the previous test's keys are gone", async ({ prefix, connect, skip }) => {
    skip(previous === undefined, 'needs the previous test to run first');
    expect(prefix).not.toBe(previous?.prefix);
    expect(await connect().exists(previous?.key ?? '')).toBe(0);
  });
});

describe('deleteKeysWithPrefix', () => {
  test('deletes every key under the prefix, of any type, and returns how many', async ({ redis, prefix }) => {
    const doomed = `${prefix}doomed:`;
    await redis.set(`${doomed}string`, 'v');
    await redis.hSet(`${doomed}hash`, { f: 'v' });
    await redis.rPush(`${doomed}list`, 'a');
    await redis.zAdd(`${doomed}nested:zset`, [{ member: 'm', score: 1 }]);
    expect(await deleteKeysWithPrefix(redis, doomed)).toBe(4);
    expect(await existing(redis, `${doomed}string`, `${doomed}hash`, `${doomed}list`, `${doomed}nested:zset`)).toBe(0);
  });

  test('leaves neighbouring keys alone', async ({ redis, prefix }) => {
    const doomed = `${prefix}doomed:`;
    await redis.set(`${doomed}a`, 'v');
    await redis.set(`${prefix}doomed`, 'no colon: not under the prefix');
    await redis.set(`${prefix}doomedx:a`, 'a longer segment');
    await redis.set(`${prefix}other:doomed:a`, 'the prefix in the middle');
    expect(await deleteKeysWithPrefix(redis, doomed)).toBe(1);
    expect(await existing(redis, `${prefix}doomed`, `${prefix}doomedx:a`, `${prefix}other:doomed:a`)).toBe(3);
  });

  test('escapes the glob characters of the prefix, so keys merely matching it as a pattern stay', async ({
    redis,
    prefix,
  }) => {
    const doomed = `${prefix}[ab]?*\\x:`;
    await redis.set(`${doomed}1`, 'under the literal prefix');
    const neighbours = [`${prefix}a1zzx:1`, `${prefix}b?*x:2`, `${prefix}[ab]?*x:3`];
    for (const key of neighbours) await redis.set(key, 'matches the prefix read as a glob');
    expect(await deleteKeysWithPrefix(redis, doomed)).toBe(1);
    expect(await redis.exists(`${doomed}1`)).toBe(0);
    expect(await existing(redis, ...neighbours)).toBe(neighbours.length);
  });

  test('deletes more keys than one SCAN page holds', async ({ redis, prefix }) => {
    const pipeline = redis.pipeline();
    for (let i = 0; i < 1200; i++) pipeline.set(`${prefix}many:${i}`, 'v');
    await pipeline.exec();
    expect(await deleteKeysWithPrefix(redis, `${prefix}many:`)).toBe(1200);
    expect(await existing(redis, `${prefix}many:0`, `${prefix}many:600`, `${prefix}many:1199`)).toBe(0);
  });

  test('returns 0 when nothing is under the prefix', async ({ redis, prefix }) => {
    expect(await deleteKeysWithPrefix(redis, `${prefix}nothing:`)).toBe(0);
  });
});
