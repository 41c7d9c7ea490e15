import { rejectionOf } from '../../harness/rejection.js';
import { describe, expect, test } from '../../harness/test.js';
import { createLeaderboard } from './leaderboard.js';
import { InvalidInputError } from './leaderboard-errors.js';

describe('step 3 · rank and score of a player', () => {
  test('standing answers {player, score, rank}, rank 1 being the best', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 300);
    await board.submit('arcade', 'bob', 500);
    await board.submit('arcade', 'carol', 100);
    expect(await board.standing('arcade', 'bob')).toEqual({ player: 'bob', score: 500, rank: 1 });
    expect(await board.standing('arcade', 'alice')).toEqual({ player: 'alice', score: 300, rank: 2 });
    expect(await board.standing('arcade', 'carol')).toEqual({ player: 'carol', score: 100, rank: 3 });
  });

  test('standing answers null for a player who is not on the board', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 300);
    expect(await board.standing('arcade', 'dave')).toBeNull();
    expect(await board.standing('pinball', 'alice')).toBeNull();
  });

  test('the rank follows the scores: a better score moves the player up', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 300);
    await board.submit('arcade', 'bob', 500);
    await board.submit('arcade', 'alice', 600);
    expect(await board.standing('arcade', 'alice')).toMatchObject({ rank: 1, score: 600 });
    expect(await board.standing('arcade', 'bob')).toMatchObject({ rank: 2 });
  });

  test('every player’s standing agrees with their line in the top', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    for (let i = 0; i < 15; i += 1) await board.submit('arcade', `p${i}`, (i * 37) % 100);
    const { entries } = await board.top('arcade', { limit: 15 });
    for (const entry of entries) expect(await board.standing('arcade', entry.player), entry.player).toEqual(entry);
  });

  test('rank and score together are one round trip to Redis', async ({ redis, prefix, commandLog }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    await board.submit('arcade', 'alice', 300);
    commandLog.clear();
    await board.standing('arcade', 'alice');
    expect(commandLog.roundTrips, 'round trips of standing(), as commands sent').toHaveLength(1);
  });

  test('throws InvalidInputError for a malformed player', async ({ redis, prefix }) => {
    const board = createLeaderboard({ redis, namespace: prefix });
    expect(await rejectionOf(board.standing('arcade', 'not valid'))).toBeInstanceOf(InvalidInputError);
  });
});
