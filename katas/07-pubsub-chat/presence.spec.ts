import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { describe, expect, test } from '../../harness/test.js';
import type { Presence } from './chat-types.js';
import { createPresence } from './presence.js';

/** A clock the test moves by hand: presence deadlines without waiting. */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** An instance's presence on `redis`, on `clock`, with a 30 s TTL. */
const instance = (redis: RedisAdapter, prefix: string, id: string, clock: { now: () => number }): Presence =>
  createPresence({ redis, namespace: prefix, instanceId: id, ttlMs: 30_000, now: clock.now });

describe('step 4 · presence with heartbeats', () => {
  test('a user is online in a room from their first socket, listed sorted, each once', async ({ redis, prefix }) => {
    const presence = instance(redis, prefix, 'a', manualClock());
    expect(await presence.enter('general', 'bob'), 'bob came online').toBe(true);
    expect(await presence.enter('general', 'ada'), 'ada came online').toBe(true);
    expect(await presence.enter('general', 'ada'), "ada's second socket: no change").toBe(false);
    expect(await presence.online('general')).toEqual(['ada', 'bob']);
    expect(await presence.online('random')).toEqual([]);
  });

  test('a user stays online until their last socket leaves', async ({ redis, prefix }) => {
    const presence = instance(redis, prefix, 'a', manualClock());
    await presence.enter('general', 'ada');
    await presence.enter('general', 'ada');
    expect(await presence.leave('general', 'ada'), 'one of two sockets left').toBe(false);
    expect(await presence.online('general')).toEqual(['ada']);
    expect(await presence.leave('general', 'ada'), 'the last socket left').toBe(true);
    expect(await presence.online('general')).toEqual([]);
  });

  test('a user with sockets on two instances stays online until both leave', async ({ redis, prefix }) => {
    const clock = manualClock();
    const first = instance(redis, prefix, 'a', clock);
    const second = instance(redis, prefix, 'b', clock);
    expect(await first.enter('general', 'ada'), 'first socket anywhere').toBe(true);
    expect(await second.enter('general', 'ada'), 'already online on the other instance').toBe(false);
    expect(await first.leave('general', 'ada'), 'still on the other instance').toBe(false);
    expect(await second.online('general')).toEqual(['ada']);
    expect(await second.leave('general', 'ada'), 'gone everywhere').toBe(true);
    expect(await first.online('general')).toEqual([]);
  });

  test('the users of an instance that stops its heartbeat drop out after the TTL', async ({ redis, prefix }) => {
    const clock = manualClock();
    const dying = instance(redis, prefix, 'dying', clock);
    const living = instance(redis, prefix, 'living', clock);
    await dying.enter('general', 'ada');
    await living.enter('general', 'bob');
    clock.advance(20_000);
    await living.heartbeat();
    expect(await living.online('general'), 'after 20 s, within the TTL').toEqual(['ada', 'bob']);
    clock.advance(15_000);
    await living.heartbeat();
    expect(await living.online('general'), "after 35 s, ada's instance silent since 0 s").toEqual(['bob']);
  });

  test('a heartbeat keeps every user with a socket on the instance online', async ({ redis, prefix }) => {
    const clock = manualClock();
    const presence = instance(redis, prefix, 'a', clock);
    await presence.enter('general', 'ada');
    await presence.enter('random', 'bob');
    for (let beat = 0; beat < 6; beat += 1) {
      clock.advance(10_000);
      await presence.heartbeat();
    }
    expect([await presence.online('general'), await presence.online('random')], 'after 60 s of heartbeats').toEqual([
      ['ada'],
      ['bob'],
    ]);
  });

  test('rooms lists the rooms with someone online and how many, by name', async ({ redis, prefix }) => {
    const clock = manualClock();
    const first = instance(redis, prefix, 'a', clock);
    const second = instance(redis, prefix, 'b', clock);
    await first.enter('random', 'ada');
    await first.enter('general', 'ada');
    await second.enter('general', 'ada');
    await second.enter('general', 'bob');
    await first.enter('empty-soon', 'cy');
    await first.leave('empty-soon', 'cy');
    expect(await first.rooms()).toEqual([
      { room: 'general', online: 2 },
      { room: 'random', online: 1 },
    ]);
  });

  test('rooms drops a room whose users all timed out', async ({ redis, prefix }) => {
    const clock = manualClock();
    const presence = instance(redis, prefix, 'a', clock);
    await presence.enter('general', 'ada');
    clock.advance(31_000);
    expect(await presence.rooms()).toEqual([]);
  });

  test('entries live in a sorted set under <namespace>chat:{room}:online, scored by deadline', async ({
    redis,
    prefix,
  }) => {
    const clock = manualClock();
    const presence = instance(redis, prefix, 'a', clock);
    await presence.enter('general', 'ada');
    const entries = await redis.zRangeWithScores(`${prefix}chat:{general}:online`, 0, -1);
    expect(entries).toEqual([{ member: expect.stringContaining('ada'), score: clock.now() + 30_000 }]);
  });

  test('an enter that fails (Redis down) counts no socket', async ({ outage, prefix }) => {
    const presence = createPresence({ redis: outage.redis, namespace: prefix, instanceId: 'a' });
    expect(await presence.online('general'), 'online before the outage').toEqual([]);
    await outage.goDown();
    await expect(presence.enter('general', 'ada')).rejects.toThrow();
    await outage.comeBack();
    await expect
      .poll(() => presence.enter('general', 'ada').catch(() => 'still down'), { timeout: 5000, interval: 100 })
      .toBe(true);
  });
});
