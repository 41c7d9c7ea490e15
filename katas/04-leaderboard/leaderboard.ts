import { NotImplementedError } from '../not-implemented-error.js';
import type { Leaderboard, LeaderboardOptions } from './leaderboard-types.js';

/**
 * Steps 1–6. A leaderboard on sorted sets: read README.md, "Step 1", then replace each
 * `throw` with the real thing. The types, limits and what each method answers are in
 * `leaderboard-types.ts`; `leaderboard-input.ts` checks inputs, `periods.ts` knows the
 * calendar, and step 5 adds `score-encoding.ts`.
 */
export function createLeaderboard(options: LeaderboardOptions): Leaderboard {
  const { redis, namespace, clock = Date.now } = options;
  void redis;
  void namespace;
  void clock;
  return {
    keyFor(board, period = 'all') {
      throw new NotImplementedError('04-leaderboard', 1, `leaderboard.keyFor("${board}", "${period}")`);
    },
    async submit(board, player, points) {
      throw new NotImplementedError('04-leaderboard', 1, `leaderboard.submit("${board}", "${player}", ${points})`);
    },
    async score(board, player) {
      throw new NotImplementedError('04-leaderboard', 1, `leaderboard.score("${board}", "${player}")`);
    },
    async remove(board, player) {
      throw new NotImplementedError('04-leaderboard', 1, `leaderboard.remove("${board}", "${player}")`);
    },
    async top(board) {
      throw new NotImplementedError('04-leaderboard', 2, `leaderboard.top("${board}", …)`);
    },
    async standing(board, player) {
      throw new NotImplementedError('04-leaderboard', 3, `leaderboard.standing("${board}", "${player}")`);
    },
    async around(board, player) {
      throw new NotImplementedError('04-leaderboard', 4, `leaderboard.around("${board}", "${player}", …)`);
    },
  };
}
