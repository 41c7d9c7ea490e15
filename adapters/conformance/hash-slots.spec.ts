/**
 * Keys in different hash slots. One server takes any keys; Redis Cluster
 * (`capabilities.keysAcrossSlots` false) refuses what would span slots with a
 * `CrossSlotError` naming each key and its slot, before sending anything, and the same
 * operations run when the keys share a hash tag. SCAN and pipelines cover every master.
 */
import { describe, expect, test } from '../../harness/test.js';
import { keySlot } from '../cluster/key-slot.js';
import { CrossSlotError } from '../errors/cross-slot-error.js';
import type { RedisAdapter } from '../redis-adapter.js';

/** Two keys under `prefix` in different hash slots. */
function keysInTwoSlots(prefix: string): [string, string] {
  const first = `${prefix}a`;
  for (let i = 0; ; i += 1) {
    const other = `${prefix}b${i}`;
    if (keySlot(other) !== keySlot(first)) return [first, other];
  }
}

/** `work` rejects with a CrossSlotError naming both keys on a cluster; resolves on one server. */
async function expectCrossSlot(redis: RedisAdapter, work: Promise<unknown>, keys: [string, string]): Promise<void> {
  if (redis.capabilities.keysAcrossSlots) {
    await expect(work).resolves.toBeDefined();
    return;
  }
  const error = await work.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(CrossSlotError);
  expect((error as CrossSlotError).keys).toEqual(keys.map((key) => ({ key, slot: keySlot(key) })));
  expect((error as Error).message).toContain(`"${keys[0]}" (slot ${keySlot(keys[0])})`);
}

describe('keys in different hash slots', () => {
  test('a multi-key command over them runs on one server, and is refused on a cluster', async ({ redis, prefix }) => {
    const keys = keysInTwoSlots(prefix);
    await expectCrossSlot(redis, redis.mGet(keys), keys);
  });

  test('a multi-key write over them is refused on a cluster, and nothing was written', async ({ redis, prefix }) => {
    const keys = keysInTwoSlots(prefix);
    await redis.set(keys[0], 'kept');
    await expectCrossSlot(redis, redis.del(...keys), keys);
    expect(await redis.get(keys[0])).toBe(redis.capabilities.keysAcrossSlots ? null : 'kept');
  });

  test('a MULTI over them runs on one server; on a cluster it is refused and nothing ran', async ({
    redis,
    prefix,
  }) => {
    const keys = keysInTwoSlots(prefix);
    await expectCrossSlot(redis, redis.multi().set(keys[0], '1').set(keys[1], '2').exec(), keys);
    const written = redis.capabilities.keysAcrossSlots ? '1' : null;
    expect(await redis.get(keys[0])).toBe(written);
  });

  test('a script over them runs on one server; on a cluster it is refused and nothing ran', async ({
    redis,
    prefix,
  }) => {
    const keys = keysInTwoSlots(prefix);
    const script = redis.defineScript(
      `-- ${prefix}\nredis.call('SET', KEYS[1], 'x')\nreturn redis.call('SET', KEYS[2], 'y')`,
    );
    await expectCrossSlot(redis, script.run(keys, []), keys);
    expect(await redis.get(keys[0])).toBe(redis.capabilities.keysAcrossSlots ? 'x' : null);
  });

  test('the same MULTI and script run everywhere when the keys share a hash tag', async ({ redis, slotPrefix }) => {
    const [a, b] = [`${slotPrefix}a`, `${slotPrefix}b`];
    expect(await redis.multi().set(a, '1').incr(b).exec()).toEqual([true, 1]);
    const script = redis.defineScript(
      `-- ${slotPrefix}\nreturn redis.call('INCR', KEYS[1]) + redis.call('INCR', KEYS[2])`,
    );
    expect(await script.run([a, b], [])).toBe(4);
    expect(await redis.mGet([a, b])).toEqual(['2', '2']);
  });

  test('a pipeline over them runs everywhere: it is not atomic, each command goes to its own master', async ({
    redis,
    prefix,
  }) => {
    const keys = keysInTwoSlots(prefix);
    expect(await redis.pipeline().set(keys[0], '1').set(keys[1], '2').get(keys[0]).get(keys[1]).exec()).toEqual([
      true,
      true,
      '1',
      '2',
    ]);
  });

  test('a pipeline holding one command that spans slots is refused whole on a cluster, before anything is sent', async ({
    redis,
    prefix,
  }) => {
    const keys = keysInTwoSlots(prefix);
    await expectCrossSlot(
      redis,
      redis
        .pipeline()
        .set(keys[0], '1')
        .del(...keys)
        .exec(),
      keys,
    );
    if (!redis.capabilities.keysAcrossSlots) expect(await redis.exists(keys[0])).toBe(0);
  });

  test('a scan walk sees keys of every slot (on a cluster, of every master)', async ({ redis, prefix }) => {
    const written = Array.from({ length: 60 }, (_, i) => `${prefix}spread:${i}`);
    await Promise.all(written.map((key) => redis.set(key, 'v')));
    const seen = new Set<string>();
    let cursor = '0';
    do {
      const page = await redis.scan(cursor, { match: `${prefix}spread:*`, count: 20 });
      for (const key of page.keys) seen.add(key);
      cursor = page.cursor;
    } while (cursor !== '0');
    expect([...seen].sort()).toEqual([...written].sort());
  });
});
