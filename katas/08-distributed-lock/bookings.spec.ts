import { keysUnder } from '../../harness/redis-keys.js';
import { describe, expect, test } from '../../harness/test.js';
import { createBookings } from './bookings.js';

describe('step 6 · optimistic booking with WATCH', () => {
  test('books a free slot, and the hash <namespace>bookings:<resource> maps slot → user', async ({ redis, prefix }) => {
    const bookings = createBookings({ redis, namespace: prefix });
    expect(bookings.keyFor('room-1')).toBe(`${prefix}bookings:room-1`);
    expect(await bookings.book('room-1', '2026-05-01T09:00', 'ada')).toEqual({ booked: true });
    expect(await redis.hGetAll(`${prefix}bookings:room-1`)).toEqual({ '2026-05-01T09:00': 'ada' });
  });

  test('a taken slot is refused with its holder, for another user and for the same user', async ({ redis, prefix }) => {
    const bookings = createBookings({ redis, namespace: prefix });
    await bookings.book('room-1', '09:00', 'ada');
    expect(await bookings.book('room-1', '09:00', 'bob')).toEqual({ booked: false, heldBy: 'ada' });
    expect(await bookings.book('room-1', '09:00', 'ada')).toEqual({ booked: false, heldBy: 'ada' });
    expect(await redis.hGetAll(`${prefix}bookings:room-1`)).toEqual({ '09:00': 'ada' });
  });

  test('list answers every booking sorted by slot, and [] for an unknown resource', async ({ redis, prefix }) => {
    const bookings = createBookings({ redis, namespace: prefix });
    for (const [slot, user] of [
      ['10:00', 'bob'],
      ['08:00', 'cy'],
      ['09:00', 'ada'],
    ] as const) {
      await bookings.book('room-1', slot, user);
    }
    expect(await bookings.list('room-1')).toEqual([
      { slot: '08:00', user: 'cy' },
      { slot: '09:00', user: 'ada' },
      { slot: '10:00', user: 'bob' },
    ]);
    expect(await bookings.list('room-2')).toEqual([]);
  });

  test('the bookings hash has a TTL of retentionMs, renewed by each booking', async ({ redis, prefix }) => {
    const bookings = createBookings({ redis, namespace: prefix, retentionMs: 60_000 });
    await bookings.book('room-1', '09:00', 'ada');
    const ttl = await redis.pTtl(`${prefix}bookings:room-1`);
    expect(ttl, 'PTTL of the bookings hash, in ms').toBeGreaterThan(55_000);
    expect(ttl, 'PTTL of the bookings hash, in ms').toBeLessThanOrEqual(60_000);
  });

  test('a booking uses WATCH, then MULTI/EXEC for the write', async ({ redis, prefix, commandLog }) => {
    const bookings = createBookings({ redis, namespace: prefix });
    commandLog.clear();
    await bookings.book('room-1', '09:00', 'ada');
    const sent = commandLog.commands.map((command) => command[0]?.toUpperCase());
    expect(sent).toEqual(expect.arrayContaining(['WATCH', 'MULTI', 'EXEC']));
    expect(sent.indexOf('WATCH'), 'WATCH comes before MULTI').toBeLessThan(sent.indexOf('MULTI'));
  });

  test('50 concurrent bookings of one slot: exactly one wins, the other 49 learn who holds it', async ({
    redis,
    prefix,
    connect,
  }) => {
    const connections = [redis, connect(), connect(), connect(), connect()];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createBookings({ redis: connections[i % connections.length] ?? redis, namespace: prefix }).book(
          'room-1',
          '09:00',
          `user-${i}`,
        ),
      ),
    );
    const winners = results.filter((result) => result.booked);
    expect(winners, 'bookings that won the slot').toHaveLength(1);
    const holder = (await redis.hGetAll(`${prefix}bookings:room-1`))['09:00'];
    for (const result of results) if (!result.booked) expect(result.heldBy).toBe(holder);
  });

  test('50 clients booking 20 slots at random: no slot is booked twice, none is lost', async ({
    redis,
    prefix,
    connect,
  }) => {
    const connections = [redis, connect(), connect(), connect(), connect()];
    const slots = Array.from({ length: 20 }, (_, i) => `slot-${String(i).padStart(2, '0')}`);
    const wins = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 50 }, async (_, client) => {
        const bookings = createBookings({
          redis: connections[client % connections.length] ?? redis,
          namespace: prefix,
        });
        for (let i = 0; i < 6; i += 1) {
          const slot = slots[Math.floor(Math.random() * slots.length)] ?? 'slot-00';
          if ((await bookings.book('room-1', slot, `user-${client}`)).booked) wins.set(slot, (wins.get(slot) ?? 0) + 1);
        }
      }),
    );
    for (const [slot, count] of wins) expect(count, `times ${slot} was booked`).toBe(1);
    const stored = await createBookings({ redis, namespace: prefix }).list('room-1');
    expect(stored.map((booking) => booking.slot).sort()).toEqual([...wins.keys()].sort());
  }, 30_000);

  test('a refused booking writes nothing: the holder and the TTL stay as they were', async ({ redis, prefix }) => {
    const bookings = createBookings({ redis, namespace: prefix, retentionMs: 60_000 });
    await bookings.book('room-1', '09:00', 'ada');
    await redis.pExpire(`${prefix}bookings:room-1`, 30_000);
    await bookings.book('room-1', '09:00', 'bob');
    expect(await keysUnder(redis, prefix)).toEqual([`${prefix}bookings:room-1`]);
    expect(await redis.hGetAll(`${prefix}bookings:room-1`)).toEqual({ '09:00': 'ada' });
    expect(await redis.pTtl(`${prefix}bookings:room-1`), 'PTTL after a refused booking, in ms').toBeLessThanOrEqual(
      30_000,
    );
  });
});
