import { describe, expect, test } from '../../harness/test.js';

describe('sets', () => {
  test('sAdd returns how many members were new', async ({ redis, prefix }) => {
    expect(await redis.sAdd(`${prefix}s`, 'a', 'b', 'a')).toBe(2);
    expect(await redis.sAdd(`${prefix}s`, 'b', 'c')).toBe(1);
  });

  test('sMembers returns every member once', async ({ redis, prefix }) => {
    await redis.sAdd(`${prefix}s`, 'c', 'a', 'b', 'a');
    expect((await redis.sMembers(`${prefix}s`)).sort()).toEqual(['a', 'b', 'c']);
  });

  test('sMembers returns [] for a missing key', async ({ redis, prefix }) => {
    expect(await redis.sMembers(`${prefix}missing`)).toEqual([]);
  });

  test('sRem returns how many of the members were there', async ({ redis, prefix }) => {
    await redis.sAdd(`${prefix}s`, 'a', 'b', 'c');
    expect(await redis.sRem(`${prefix}s`, 'a', 'b', 'missing')).toBe(2);
    expect(await redis.sMembers(`${prefix}s`)).toEqual(['c']);
  });

  test('sRem of the last member deletes the key', async ({ redis, prefix }) => {
    await redis.sAdd(`${prefix}s`, 'a');
    await redis.sRem(`${prefix}s`, 'a');
    expect(await redis.exists(`${prefix}s`)).toBe(0);
  });

  test('sIsMember returns true for a member and false otherwise', async ({ redis, prefix }) => {
    await redis.sAdd(`${prefix}s`, 'a');
    expect(await redis.sIsMember(`${prefix}s`, 'a')).toBe(true);
    expect(await redis.sIsMember(`${prefix}s`, 'b')).toBe(false);
    expect(await redis.sIsMember(`${prefix}missing`, 'a')).toBe(false);
  });

  test('sCard returns the number of members, 0 for a missing key', async ({ redis, prefix }) => {
    await redis.sAdd(`${prefix}s`, 'a', 'b');
    expect(await redis.sCard(`${prefix}s`)).toBe(2);
    expect(await redis.sCard(`${prefix}missing`)).toBe(0);
  });
});
