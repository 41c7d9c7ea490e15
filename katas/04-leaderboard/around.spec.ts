import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { createLeaderboard } from './leaderboard.js';
import { InvalidInputError } from './leaderboard-errors.js';
import type { Leaderboard } from './leaderboard-types.js';

/** 20 players: p20 has 200 points (rank 1) … p01 has 10 (rank 20). Player pNN is rank 21 − NN. */
async function fill(board: Leaderboard): Promise<void> {
  for (let i = 1; i <= 20; i += 1) await board.submit('arcade', `p${String(i).padStart(2, '0')}`, i * 10);
}

const ranksOf = (window: { entries: { rank: number }[] } | null) => window?.entries.map((entry) => entry.rank);

describe('step 4 · around-me window', () => {
  test('around answers the player’s rank and the players from rank − radius to rank + radius', async ({
    redis,
    prefix,
  }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board);
    const window = await board.around('arcade', 'p11', { radius: 2 });
    expect(window).toEqual({
      player: 'p11',
      rank: 10,
      entries: [
        { rank: 8, player: 'p13', score: 130 },
        { rank: 9, player: 'p12', score: 120 },
        { rank: 10, player: 'p11', score: 110 },
        { rank: 11, player: 'p10', score: 100 },
        { rank: 12, player: 'p09', score: 90 },
      ],
    });
  });

  test('near the top the window starts at rank 1', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board);
    expect(ranksOf(await board.around('arcade', 'p19', { radius: 3 }))).toEqual([1, 2, 3, 4, 5]);
  });

  test('near the bottom the window ends at the last rank', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board);
    expect(ranksOf(await board.around('arcade', 'p02', { radius: 3 }))).toEqual([16, 17, 18, 19, 20]);
  });

  test('radius 0 answers the player alone; the default radius is 5', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board);
    expect(await board.around('arcade', 'p11', { radius: 0 })).toEqual({
      player: 'p11',
      rank: 10,
      entries: [{ rank: 10, player: 'p11', score: 110 }],
    });
    expect(ranksOf(await board.around('arcade', 'p11'))).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  test('around answers null for a player who is not on the board', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board);
    expect(await board.around('arcade', 'nobody')).toBeNull();
  });

  test('around costs at most two round trips to Redis', async ({ redis, prefix, commandLog }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board);
    commandLog.clear();
    await board.around('arcade', 'p11', { radius: 4 });
    expect(commandLog.roundTrips.length, 'round trips of around(), as commands sent').toBeLessThanOrEqual(2);
  });

  test.for([-1, 51, 1.5])('throws InvalidInputError for a radius of %s', async (radius, { redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    expect(await rejectionOf(board.around('arcade', 'p11', { radius }))).toBeInstanceOf(InvalidInputError);
  });
});
