import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { createLeaderboard } from './leaderboard.js';
import { ScoreOutOfRangeError } from './leaderboard-errors.js';
import { PERIOD_GRACE_MS } from './periods.js';

const HOUR_MS = 3_600_000;

/** A clock the spec moves by hand: `clock.now` is what the leaderboard reads. */
function handClock(iso: string) {
  const clock = { now: Date.parse(iso), read: () => clock.now };
  return clock;
}

describe('step 6 · periodic boards', () => {
  test('keyFor names the UTC day and the ISO week the clock is in', async ({ redis, prefix }) => {
    const clock = handClock('2026-11-26T12:00:00Z'); // a Thursday
    const board = createLeaderboard({ redis, namespace: prefix, clock: clock.read });
    expect(board.keyFor('arcade', 'daily')).toBe(`${prefix}{lb:arcade}:daily:2026-11-26`);
    expect(board.keyFor('arcade', 'weekly')).toBe(`${prefix}{lb:arcade}:weekly:2026-W48`);
    expect(board.keyFor('arcade', 'all')).toBe(`${prefix}{lb:arcade}:all`);
    for (const [iso, week] of [
      ['2026-12-31T23:59:59Z', '2026-W53'], // a Thursday: 2026 has 53 ISO weeks
      ['2027-01-03T12:00:00Z', '2026-W53'], // Sunday: still 2026's last week
      ['2027-01-04T00:00:00Z', '2027-W01'], // Monday: week 1 of 2027
    ] as const) {
      clock.now = Date.parse(iso);
      expect(board.keyFor('arcade', 'weekly'), iso).toBe(`${prefix}{lb:arcade}:weekly:${week}`);
    }
  });

  test('a submit writes the all-time, daily and weekly boards, in one round trip', async ({
    redis,
    prefix,
    commandLog,
  }) => {
    const board = createLeaderboard({ redis, namespace: prefix, clock: handClock('2026-11-26T12:00:00Z').read });
    await board.submit('arcade', 'warm-up', 1); // the first script call may load the script
    commandLog.clear();
    await board.submit('arcade', 'alice', 300);
    expect(commandLog.roundTrips, 'round trips of submit, as commands sent').toHaveLength(1);
    for (const period of ['all', 'daily', 'weekly'] as const) {
      expect(await board.score('arcade', 'alice', period), `alice on the ${period} board`).toBe(300);
    }
  });

  test('the daily and weekly boards expire a day after their period ends; the all-time board does not', async ({
    redis,
    prefix,
  }) => {
    const board = createLeaderboard({ redis, namespace: prefix, clock: handClock('2026-11-26T12:00:00Z').read });
    await board.submit('arcade', 'alice', 300);
    // Thursday noon: the day ends in 12 h, the week (Monday 00:00) in 3 days and 12 h.
    const expected = { daily: 12 * HOUR_MS + PERIOD_GRACE_MS, weekly: 84 * HOUR_MS + PERIOD_GRACE_MS };
    for (const period of ['daily', 'weekly'] as const) {
      const ttl = await redis.pTtl(board.keyFor('arcade', period));
      expect(ttl, `TTL of the ${period} board in ms`).toBeGreaterThan(expected[period] - 5_000);
      expect(ttl, `TTL of the ${period} board in ms`).toBeLessThanOrEqual(expected[period]);
    }
    expect(await redis.pTtl(board.keyFor('arcade', 'all')), 'TTL of the all-time board: none (-1)').toBe(-1);
  });

  test('a new day starts an empty daily board; the week and all-time go on', async ({ redis, prefix }) => {
    const clock = handClock('2026-11-26T23:59:59Z');
    const board = createLeaderboard({ redis, namespace: prefix, clock: clock.read });
    await board.submit('arcade', 'alice', 300);
    clock.now += 1_000; // Friday 00:00:00
    expect(await board.top('arcade', { period: 'daily' })).toEqual({ board: 'arcade', total: 0, entries: [] });
    await board.submit('arcade', 'bob', 100);
    expect((await board.top('arcade', { period: 'daily' })).entries.map((entry) => entry.player)).toEqual(['bob']);
    expect((await board.top('arcade', { period: 'weekly' })).entries.map((entry) => entry.player)).toEqual([
      'alice',
      'bob',
    ]);
    expect(await board.standing('arcade', 'bob', 'all')).toMatchObject({ rank: 2 });
  });

  test('a new ISO week, on Monday, starts an empty weekly board', async ({ redis, prefix }) => {
    const clock = handClock('2026-11-29T23:00:00Z'); // Sunday
    const board = createLeaderboard({ redis, namespace: prefix, clock: clock.read });
    await board.submit('arcade', 'alice', 300);
    clock.now += HOUR_MS; // Monday 00:00
    expect(await board.standing('arcade', 'alice', 'weekly')).toBeNull();
    expect(await board.standing('arcade', 'alice', 'all')).toEqual({ player: 'alice', score: 300, rank: 1 });
  });

  test('"best" applies to each board: today’s best can be lower than the all-time best', async ({ redis, prefix }) => {
    const clock = handClock('2026-11-26T12:00:00Z');
    const board = createLeaderboard({ redis, namespace: prefix, clock: clock.read });
    await board.submit('arcade', 'alice', 900);
    clock.now += 24 * HOUR_MS;
    expect(await board.submit('arcade', 'alice', 400)).toEqual({ player: 'alice', score: 900, rank: 1 });
    expect(await board.score('arcade', 'alice', 'daily')).toBe(400);
    expect(await board.score('arcade', 'alice', 'weekly')).toBe(900);
  });

  test('"increment" adds on each board; one that would take today’s score below 0 is refused whole', async ({
    redis,
    prefix,
  }) => {
    const clock = handClock('2026-11-26T12:00:00Z');
    const board = createLeaderboard({ redis, namespace: prefix, clock: clock.read });
    await board.submit('arcade', 'alice', 50, 'increment');
    clock.now += 24 * HOUR_MS;
    await board.submit('arcade', 'alice', 20, 'increment');
    expect(await board.score('arcade', 'alice', 'daily')).toBe(20);
    expect(await board.score('arcade', 'alice', 'all')).toBe(70);
    expect(await rejectionOf(board.submit('arcade', 'alice', -30, 'increment'))).toBeInstanceOf(ScoreOutOfRangeError);
    expect(await board.score('arcade', 'alice', 'daily')).toBe(20);
    expect(await board.score('arcade', 'alice', 'all')).toBe(70);
  });

  test('reads take a period: standing, top and around', async ({ redis, prefix }) => {
    const clock = handClock('2026-11-26T12:00:00Z');
    const board = createLeaderboard({ redis, namespace: prefix, clock: clock.read });
    await board.submit('arcade', 'alice', 900);
    clock.now += 24 * HOUR_MS;
    await board.submit('arcade', 'bob', 100);
    expect(await board.standing('arcade', 'bob', 'daily')).toEqual({ player: 'bob', score: 100, rank: 1 });
    expect(await board.standing('arcade', 'bob', 'weekly')).toEqual({ player: 'bob', score: 100, rank: 2 });
    expect((await board.around('arcade', 'bob', { period: 'daily' }))?.entries).toEqual([
      { rank: 1, player: 'bob', score: 100 },
    ]);
    expect((await board.top('arcade', { period: 'all' })).total).toBe(2);
  });

  test('remove takes the player off the all-time, daily and weekly boards', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix, clock: handClock('2026-11-26T12:00:00Z').read });
    await board.submit('arcade', 'alice', 300);
    expect(await board.remove('arcade', 'alice')).toBe(true);
    for (const period of ['all', 'daily', 'weekly'] as const) {
      expect(await board.score('arcade', 'alice', period), `alice on the ${period} board`).toBeNull();
    }
  });
});
