import { keysUnder } from '../../harness/redis-keys.js';
import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { createLeaderboard } from './leaderboard.js';
import { InvalidInputError, ScoreOutOfRangeError } from './leaderboard-errors.js';
import type { Mode } from './leaderboard-types.js';

/** Bad input for `submit`, each with what is wrong with it. */
const badSubmits: [string, { board: string; player: string; points: number; mode: Mode }][] = [
  ['a score below 0', { board: 'arcade', player: 'alice', points: -1, mode: 'best' }],
  ['a score above 1,000,000', { board: 'arcade', player: 'alice', points: 1_000_001, mode: 'best' }],
  ['a score that is not an integer', { board: 'arcade', player: 'alice', points: 1.5, mode: 'best' }],
  ['a score that is not a number', { board: 'arcade', player: 'alice', points: Number.NaN, mode: 'best' }],
  ['an increment of 0', { board: 'arcade', player: 'alice', points: 0, mode: 'increment' }],
  ['an increment above 1,000,000', { board: 'arcade', player: 'alice', points: 1_000_001, mode: 'increment' }],
  ['an increment below -1,000,000', { board: 'arcade', player: 'alice', points: -1_000_001, mode: 'increment' }],
  ['an unknown mode', { board: 'arcade', player: 'alice', points: 5, mode: 'double' as Mode }],
  ['a player with a space', { board: 'arcade', player: 'al ice', points: 1, mode: 'best' }],
  [
    'a board with a brace, which would break the hash tag',
    { board: 'arc}ade', player: 'alice', points: 1, mode: 'best' },
  ],
  ['a player of 65 characters', { board: 'arcade', player: 'a'.repeat(65), points: 1, mode: 'best' }],
];

describe('step 1 · submit and read scores', () => {
  test('submit answers {player, score, rank}: the first player on a board is rank 1', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    expect(await board.submit('arcade', 'alice', 420)).toEqual({ player: 'alice', score: 420, rank: 1 });
    expect(await board.submit('arcade', 'bob', 900)).toEqual({ player: 'bob', score: 900, rank: 1 });
    expect(await board.submit('arcade', 'carol', 10)).toEqual({ player: 'carol', score: 10, rank: 3 });
  });

  test('mode "best" (the default) keeps the higher score', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 50);
    expect(await board.submit('arcade', 'alice', 30)).toMatchObject({ score: 50 });
    expect(await board.submit('arcade', 'alice', 70, 'best')).toMatchObject({ score: 70 });
    expect(await board.score('arcade', 'alice')).toBe(70);
  });

  test('mode "increment" adds to the score (a missing player starts at 0), and may subtract', async ({
    redis,
    prefix,
  }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    expect(await board.submit('arcade', 'alice', 10, 'increment')).toMatchObject({ score: 10 });
    expect(await board.submit('arcade', 'alice', 5, 'increment')).toMatchObject({ score: 15 });
    expect(await board.submit('arcade', 'alice', -15, 'increment')).toMatchObject({ score: 0 });
  });

  test('score answers null for a player who is not on the board, or a board nobody wrote', async ({
    redis,
    prefix,
  }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 1);
    expect(await board.score('arcade', 'bob')).toBeNull();
    expect(await board.score('pinball', 'alice')).toBeNull();
  });

  test('each board keeps its own scores', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 100);
    await board.submit('pinball', 'alice', 7);
    expect([await board.score('arcade', 'alice'), await board.score('pinball', 'alice')]).toEqual([100, 7]);
  });

  test('remove takes the player off the board: true, then false once they are gone', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 100);
    expect(await board.remove('arcade', 'alice')).toBe(true);
    expect(await board.score('arcade', 'alice')).toBeNull();
    expect(await board.remove('arcade', 'alice')).toBe(false);
  });

  test('keyFor(board) is a sorted set under the namespace, with the board in a {lb:<board>} hash tag', async ({
    redis,
    prefix,
  }) => {
    const board = createLeaderboard({ redis, namespace: `${prefix}lb:` });
    await board.submit('arcade', 'alice', 100);
    const key = board.keyFor('arcade');
    expect(key.startsWith(`${prefix}lb:`), key).toBe(true);
    expect(key).toContain('{lb:arcade}');
    expect(await redis.type(key)).toBe('zset');
  });

  test('a submit is one round trip to Redis, and so is reading a score', async ({ redis, prefix, commandLog }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'warm-up', 1); // the first script call may load the script
    for (const mode of ['best', 'increment'] as const) {
      commandLog.clear();
      await board.submit('arcade', 'alice', 40, mode);
      expect(commandLog.roundTrips, `round trips of submit (${mode}), as commands sent`).toHaveLength(1);
    }
    commandLog.clear();
    await board.score('arcade', 'alice');
    expect(commandLog.roundTrips, 'round trips of score(), as commands sent').toHaveLength(1);
  });

  test('"best" is atomic: 30 concurrent submits from two app instances keep the highest', async ({
    redis,
    prefix,
    connect,
  }) => {
    const first = createLeaderboard({ redis, namespace: prefix });
    const second = createLeaderboard({ redis: connect(), namespace: prefix }); // another app instance
    const scores = Array.from({ length: 30 }, (_, i) => ((i * 7) % 30) + 1); // 1–30, shuffled
    await Promise.all(scores.map((score, i) => (i % 2 ? second : first).submit('arcade', 'alice', score)));
    expect(await first.score('arcade', 'alice')).toBe(30);
  });

  test('"increment" is atomic: 50 concurrent increments of 1 make 50', async ({ redis, prefix, connect }) => {
    const first = createLeaderboard({ redis, namespace: prefix });
    const second = createLeaderboard({ redis: connect(), namespace: prefix }); // another app instance
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? second : first).submit('arcade', 'alice', 1, 'increment')),
    );
    expect(await first.score('arcade', 'alice')).toBe(50);
  });

  test.for(badSubmits)('throws InvalidInputError for %s, and writes nothing', async ([, input], { redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    const failure = await rejectionOf(board.submit(input.board, input.player, input.points, input.mode));
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect(await keysUnder(redis, prefix)).toEqual([]);
  });

  test.for([
    ['above 1,000,000', { start: 999_990, increment: 11, wouldBe: 1_000_001 }],
    ['below 0', { start: 5, increment: -6, wouldBe: -1 }],
  ] as const)(
    'an increment that would take the score %s throws ScoreOutOfRangeError and leaves the score as it was',
    async ([, { start, increment, wouldBe }], { redis, prefix }) => {
      const board = createLeaderboard({ redis, namespace: prefix });
      await board.submit('arcade', 'alice', start);
      const before = await keysUnder(redis, prefix);
      const error = await rejectionOf(board.submit('arcade', 'alice', increment, 'increment'));
      expect(error).toBeInstanceOf(ScoreOutOfRangeError);
      expect((error as ScoreOutOfRangeError).wouldBe, 'the score it would have made, in points').toBe(wouldBe);
      expect(await board.score('arcade', 'alice')).toBe(start);
      expect(await keysUnder(redis, prefix)).toEqual(before);
    },
  );
});
