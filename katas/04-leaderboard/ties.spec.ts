import { setTimeout as sleep } from 'node:timers/promises';
import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { createLeaderboard } from './leaderboard.js';
import { BoardClockExhaustedError } from './leaderboard-errors.js';
import { decodeScore, encodeScore, MAX_TICK, TICKS_PER_POINT } from './score-encoding.js';

describe('step 5 · deterministic tie-breaking', () => {
  describe('the composite score', () => {
    test('is exact at the edges: scores 0 and 1,000,000, ticks 0 and 999,999,999', () => {
      for (const score of [0, 1, 999_999, 1_000_000]) {
        for (const tick of [0, 1, MAX_TICK - 1, MAX_TICK]) {
          const composite = encodeScore(score, tick);
          expect(Number.isSafeInteger(composite), `encodeScore(${score}, ${tick}) = ${composite}`).toBe(true);
          expect(decodeScore(composite), `decodeScore(encodeScore(${score}, ${tick}))`).toBe(score);
        }
      }
      expect(encodeScore(1_000_000, 0)).toBe(1_000_000_999_999_999);
      expect(encodeScore(0, MAX_TICK)).toBe(0);
    });

    test('a higher score is always larger, whatever the ticks; of equal scores, the earlier tick is larger', () => {
      expect(encodeScore(1, MAX_TICK)).toBeGreaterThan(encodeScore(0, 0));
      expect(encodeScore(1_000_000, MAX_TICK)).toBeGreaterThan(encodeScore(999_999, 0));
      expect(encodeScore(500, 7)).toBeGreaterThan(encodeScore(500, 8));
    });

    test('fits a double: the largest composite, 1,000,000 points at tick 0, is below 2^53', () => {
      const largest = encodeScore(1_000_000, 0);
      expect(largest).toBe(1_000_000 * TICKS_PER_POINT + MAX_TICK);
      expect(largest).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    });

    test.for([
      ['a score above 1,000,000', 1_000_001, 1],
      ['a negative score', -1, 1],
      ['a tick past the clock’s end', 5, MAX_TICK + 1],
      ['a tick that is not an integer', 5, 1.5],
    ] as const)('throws RangeError for %s', async ([, score, tick]) => {
      expect(await rejectionOf(() => encodeScore(score, tick))).toBeInstanceOf(RangeError);
    });
  });

  test('equal scores 1 ms apart rank by who reached the score first, earlier first', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    // Both orders, so that sorting by name cannot pass by luck.
    for (const [first, second] of [
      ['alice', 'bob'],
      ['zoe', 'adam'],
    ] as const) {
      await board.submit(`${first}-first`, first, 500);
      await sleep(1);
      await board.submit(`${first}-first`, second, 500);
      const { entries } = await board.top(`${first}-first`);
      expect(entries, `${first} reached 500 first`).toEqual([
        { rank: 1, player: first, score: 500 },
        { rank: 2, player: second, score: 500 },
      ]);
    }
  });

  test('ties hold at the edges of the range: 0 and 1,000,000', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    for (const score of [0, 1_000_000]) {
      await board.submit(`edge-${score}`, 'zoe', score);
      await board.submit(`edge-${score}`, 'adam', score);
      const { entries } = await board.top(`edge-${score}`);
      expect(entries, `two players at ${score} points`).toEqual([
        { rank: 1, player: 'zoe', score },
        { rank: 2, player: 'adam', score },
      ]);
    }
  });

  test('sending the same score again changes nothing: not the rank, not the stored composite', async ({
    redis,
    prefix,
  }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 500);
    await board.submit('arcade', 'bob', 500);
    const stored = await redis.zScore(board.keyFor('arcade'), 'alice');
    expect(await board.submit('arcade', 'alice', 500)).toEqual({ player: 'alice', score: 500, rank: 1 });
    expect(await redis.zScore(board.keyFor('arcade'), 'alice')).toBe(stored);
  });

  test('answers show the real score, never the composite stored in Redis', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 500);
    await board.submit('arcade', 'bob', 500);
    const stored = await redis.zScore(board.keyFor('arcade'), 'bob');
    expect(stored, 'the composite in the sorted set').not.toBe(500);
    expect(decodeScore(stored ?? 0)).toBe(500);
    expect(await board.score('arcade', 'bob')).toBe(500);
    expect(await board.standing('arcade', 'bob')).toEqual({ player: 'bob', score: 500, rank: 2 });
    expect((await board.top('arcade')).entries.map((entry) => entry.score)).toEqual([500, 500]);
    expect((await board.around('arcade', 'bob'))?.entries.map((entry) => entry.score)).toEqual([500, 500]);
  });

  test('an increment that reaches a score ranks after those who reached it earlier', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'adam', 10);
    await board.submit('arcade', 'zoe', 20);
    expect(await board.submit('arcade', 'adam', 10, 'increment')).toEqual({ player: 'adam', score: 20, rank: 2 });
  });

  test('20 players reaching the same score at once get 20 different ranks', async ({ redis, prefix, connect }) => {
    const first = createLeaderboard({ redis, namespace: prefix });
    const second = createLeaderboard({ redis: connect(), namespace: prefix }); // another app instance
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? second : first).submit('arcade', `p${i}`, 700)));
    const { entries } = await first.top('arcade', { limit: 20 });
    expect(entries.map((entry) => entry.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(entries.map((entry) => entry.score))).toEqual(new Set([700]));
  });

  test('at the end of the board’s clock the composite is still exact; past it, submits are refused', async ({
    redis,
    prefix,
  }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    const clockKey = board.keyFor('arcade').replace(/:all$/, ':clock');
    await redis.set(clockKey, String(MAX_TICK - 1)); // 999,999,998 changes already ordered
    await board.submit('arcade', 'alice', 1_000_000);
    expect(await redis.zScore(board.keyFor('arcade'), 'alice')).toBe(encodeScore(1_000_000, MAX_TICK));
    expect(await board.standing('arcade', 'alice')).toEqual({ player: 'alice', score: 1_000_000, rank: 1 });
    expect(await rejectionOf(board.submit('arcade', 'bob', 5))).toBeInstanceOf(BoardClockExhaustedError);
    expect(await board.score('arcade', 'bob')).toBeNull();
  });
});
