import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { createLeaderboard } from './leaderboard.js';
import { InvalidInputError } from './leaderboard-errors.js';
import type { Leaderboard } from './leaderboard-types.js';

/** Players p01…pNN on `name`, p01 with 10 points, p02 with 20, …: pNN is rank 1. */
async function fill(board: Leaderboard, name: string, players: number): Promise<void> {
  for (let i = 1; i <= players; i += 1) await board.submit(name, `p${String(i).padStart(2, '0')}`, i * 10);
}

describe('step 2 · top N with pagination', () => {
  test('top answers {board, total, entries}: best first, ranks from 1, real scores', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board, 'arcade', 3);
    expect(await board.top('arcade', { limit: 3 })).toEqual({
      board: 'arcade',
      total: 3,
      entries: [
        { rank: 1, player: 'p03', score: 30 },
        { rank: 2, player: 'p02', score: 20 },
        { rank: 3, player: 'p01', score: 10 },
      ],
    });
  });

  test('the default page is the top 10, and total counts the whole board', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board, 'arcade', 12);
    const page = await board.top('arcade');
    expect(page.total).toBe(12);
    expect(page.entries.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(page.entries[0]).toEqual({ rank: 1, player: 'p12', score: 120 });
  });

  test('offset skips entries: offset 2, limit 3 answers ranks 3 to 5', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board, 'arcade', 12);
    const page = await board.top('arcade', { offset: 2, limit: 3 });
    expect(page.entries).toEqual([
      { rank: 3, player: 'p10', score: 100 },
      { rank: 4, player: 'p09', score: 90 },
      { rank: 5, player: 'p08', score: 80 },
    ]);
  });

  test('pages of 5 cover the board once each: no player missing, none twice', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board, 'arcade', 12);
    const seen = [];
    for (let offset = 0; offset < 15; offset += 5)
      seen.push(...(await board.top('arcade', { offset, limit: 5 })).entries);
    expect(seen.map((entry) => entry.rank)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(seen.map((entry) => entry.player)).size).toBe(12);
  });

  test('an offset past the end answers no entries, and total still counts the board', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board, 'arcade', 3);
    expect(await board.top('arcade', { offset: 3 })).toEqual({ board: 'arcade', total: 3, entries: [] });
  });

  test('a board nobody wrote has no entries', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    expect(await board.top('nobody-played')).toEqual({ board: 'nobody-played', total: 0, entries: [] });
  });

  test('a page, with its total, is one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await fill(board, 'arcade', 12);
    commandLog.clear();
    await board.top('arcade', { offset: 5, limit: 5 });
    expect(commandLog.roundTrips, 'round trips of top(), as commands sent').toHaveLength(1);
  });

  test.for([
    ['a limit of 0', { limit: 0 }],
    ['a limit of 101', { limit: 101 }],
    ['a limit that is not an integer', { limit: 2.5 }],
    ['a negative offset', { offset: -1 }],
  ] as const)('throws InvalidInputError for %s', async ([, options], { redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    expect(await rejectionOf(board.top('arcade', options))).toBeInstanceOf(InvalidInputError);
  });
});
