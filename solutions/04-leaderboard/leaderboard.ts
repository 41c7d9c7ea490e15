import type { ScoredMember } from '../../adapters/redis-adapter.js';
import { BoardClockExhaustedError, ScoreOutOfRangeError } from '../../katas/04-leaderboard/leaderboard-errors.js';
import {
  checkId,
  checkPage,
  checkPeriod,
  checkPoints,
  checkRadius,
} from '../../katas/04-leaderboard/leaderboard-input.js';
import {
  type Leaderboard,
  type LeaderboardOptions,
  MAX_SCORE,
  type Period,
  type RankedEntry,
  type Standing,
} from '../../katas/04-leaderboard/leaderboard-types.js';
import { periodId, periodTtlMs } from '../../katas/04-leaderboard/periods.js';
import { decodeScore, MAX_TICK, TICKS_PER_POINT } from './score-encoding.js';

/**
 * KEYS[1] the board's clock (a counter) · KEYS[2] all-time · KEYS[3] today's · KEYS[4] this week's board.
 * ARGV[1] player · ARGV[2] mode · ARGV[3] points · ARGV[4] max score · ARGV[5] today's TTL ms · ARGV[6] this week's TTL ms.
 * Returns { status, score, rank }: status 0 done, with the all-time score and 0-based rank;
 * 1 out of range (nothing written; score: what it would have been, then which KEYS index); 2 the clock ran out.
 *
 * A script, because each board's new score depends on its old one (best: only if higher;
 * increment: old + points, range-checked), and because a change takes the next tick of
 * the board's clock. Redis runs one script at a time: no read-then-write race.
 * Composites are built as decimal strings ('%d%09d'): exact in any Lua, whereas Lua 5.1's
 * tostring keeps 14 digits (README, "Lua numbers"). 10^9 here is TICKS_PER_POINT.
 */
const SUBMIT = `
local player, mode, points, maxScore = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local function realScore(key)
  local composite = redis.call('ZSCORE', key, player)
  if composite then return math.floor(tonumber(composite) / 1000000000) end
  return nil
end
-- 1. Each board's new score by the mode, every one range-checked before anything is written.
local wanted, changed = {}, false
for i = 2, 4 do
  local old, new = realScore(KEYS[i]), nil
  if mode == 'increment' then new = (old or 0) + points
  elseif old == nil or points > old then new = points end
  if new ~= nil then
    if new < 0 or new > maxScore then return { 1, new, i } end
    wanted[i], changed = new, true
  end
end
-- 2. One tick of the board's clock for this change; composites count down from it.
if changed then
  local tick = tonumber(redis.call('GET', KEYS[1]) or '0') + 1
  if tick > 999999999 then return { 2, 0, -1 } end
  redis.call('SET', KEYS[1], tick)
  for i = 2, 4 do
    if wanted[i] then redis.call('ZADD', KEYS[i], string.format('%d%09d', wanted[i], 999999999 - tick), player) end
  end
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
  redis.call('PEXPIRE', KEYS[4], ARGV[6])
end
-- 3. The all-time standing, read in the same step: nothing can move it in between.
return { 0, realScore(KEYS[2]), redis.call('ZREVRANK', KEYS[2], player) }
`;

/** What KEYS[2], KEYS[3] and KEYS[4] of the submit script are, for error messages. */
const BOARD_NAMES: Record<number, string> = { 2: 'the all-time', 3: "today's", 4: "this week's" };

/** Sorted-set members, highest first, as ranked entries: the first one ranked `firstRank`. */
const toEntries = (members: ScoredMember[], firstRank: number): RankedEntry[] =>
  members.map(({ member, score }, index) => ({ rank: firstRank + index, player: member, score: decodeScore(score) }));

/**
 * A leaderboard on sorted sets. Each board keeps the all-time ranking plus today's and
 * this week's; every key of a board shares the hash tag `{lb:<board>}`, so the one script
 * that writes them all runs on Redis Cluster too.
 */
export function createLeaderboard({ redis, namespace, clock = Date.now }: LeaderboardOptions): Leaderboard {
  const submitScript = redis.defineScript(SUBMIT);
  const tagOf = (board: string) => `${namespace}{lb:${board}}`;

  const keyFor = (board: string, period: Period = 'all', atMs = clock()) =>
    period === 'all' ? `${tagOf(board)}:all` : `${tagOf(board)}:${period}:${periodId(period, atMs)}`;

  /** The key of a board to read, after checking the inputs. */
  const readKey = (board: string, period: Period, player?: string) => {
    checkId('board', board);
    if (player !== undefined) checkId('player', player);
    checkPeriod(period);
    return keyFor(board, period);
  };

  return {
    keyFor: (board, period) => keyFor(board, period),

    async submit(board, player, points, mode = 'best'): Promise<Standing> {
      checkId('board', board);
      checkId('player', player);
      checkPoints(points, mode);
      // One clock reading for all three keys and both TTLs: a submit at midnight lands in one day.
      const now = clock();
      const keys = [
        `${tagOf(board)}:clock`,
        keyFor(board, 'all', now),
        keyFor(board, 'daily', now),
        keyFor(board, 'weekly', now),
      ];
      const args = [player, mode, points, MAX_SCORE, periodTtlMs('daily', now), periodTtlMs('weekly', now)];
      // The third number is the 0-based rank when done, the out-of-range board's KEYS index when not.
      const [status, score = 0, rankOrBoard = 0] = (await submitScript.run(keys, args)) as number[];
      if (status === 1) {
        const on = BOARD_NAMES[rankOrBoard] ?? 'a';
        throw new ScoreOutOfRangeError(
          `Adding ${points.toLocaleString('en')} points would take ${player}'s score on ${on} board to ${score.toLocaleString('en')}, outside 0–1,000,000; nothing was written.`,
          score,
        );
      }
      if (status === 2) {
        throw new BoardClockExhaustedError(
          `Board "${board}" has ordered ${MAX_TICK} score changes, all its clock can count (${TICKS_PER_POINT} ticks per point); start a new board.`,
        );
      }
      return { player, score, rank: rankOrBoard + 1 };
    },

    async score(board, player, period = 'all') {
      const composite = await redis.zScore(readKey(board, period, player), player);
      return composite === null ? null : decodeScore(composite);
    },

    async remove(board, player) {
      checkId('board', board);
      checkId('player', player);
      const now = clock();
      const removed = await redis
        .multi()
        .zRem(keyFor(board, 'all', now), player)
        .zRem(keyFor(board, 'daily', now), player)
        .zRem(keyFor(board, 'weekly', now), player)
        .exec();
      return removed.some((count) => count > 0);
    },

    async top(board, { limit = 10, offset = 0, period = 'all' } = {}) {
      checkPage(limit, offset);
      const key = readKey(board, period);
      // MULTI: the count and the page are one consistent snapshot, in one round trip.
      const [total, members] = await redis
        .multi()
        .zCard(key)
        .zRangeWithScores(key, offset, offset + limit - 1, { rev: true })
        .exec();
      return { board, total, entries: toEntries(members, offset + 1) };
    },

    async standing(board, player, period = 'all') {
      const key = readKey(board, period, player);
      const [rank, composite] = await redis.multi().zRevRank(key, player).zScore(key, player).exec();
      if (rank === null || composite === null) return null;
      return { player, score: decodeScore(composite), rank: rank + 1 };
    },

    async around(board, player, { radius = 5, period = 'all' } = {}) {
      checkRadius(radius);
      const key = readKey(board, period, player);
      const rank = await redis.zRevRank(key, player);
      if (rank === null) return null;
      const first = Math.max(0, rank - radius);
      const entries = toEntries(await redis.zRangeWithScores(key, first, rank + radius, { rev: true }), first + 1);
      // A write between the two round trips can move the player: trust the window when it has them.
      const own = entries.find((entry) => entry.player === player);
      return { player, rank: own?.rank ?? rank + 1, entries };
    },
  };
}
