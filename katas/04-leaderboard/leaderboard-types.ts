/**
 * Provided: you do not need to edit this file.
 *
 * The types and limits of this kata's leaderboard. Your files import from it; read it
 * first: it says what every method answers.
 */
import type { RedisAdapter } from '../../adapters/redis-adapter.js';

/** The lowest score a board holds. */
export const MIN_SCORE = 0;
/** The highest score a board holds. */
export const MAX_SCORE = 1_000_000;
/** An increment is a non-zero integer within ±MAX_INCREMENT. */
export const MAX_INCREMENT = 1_000_000;
/** `top`: at most this many entries per page. */
export const MAX_PAGE_SIZE = 100;
/** `around`: at most this many players on each side. */
export const MAX_RADIUS = 50;

/** How a submitted score is applied: `best` keeps the higher one, `increment` adds to it. */
export const MODES = ['best', 'increment'] as const;
export type Mode = (typeof MODES)[number];

/** Which board of a leaderboard: all-time, today's (UTC), or this ISO week's (Monday to Sunday, UTC). */
export const PERIODS = ['all', 'daily', 'weekly'] as const;
export type Period = (typeof PERIODS)[number];

/** A player's place on a board. `rank` is 1-based: the best player is rank 1. */
export interface Standing {
  player: string;
  /** The real score, 0–1,000,000: never the composite stored in Redis. */
  score: number;
  rank: number;
}

/** One line of a ranking. */
export interface RankedEntry {
  rank: number;
  player: string;
  score: number;
}

/** A page of the top. `total` counts every player on the board, not only this page. */
export interface TopPage {
  board: string;
  total: number;
  entries: RankedEntry[];
}

/** A player and the players ranked right above and below: ranks max(1, r − radius)…min(total, r + radius). */
export interface AroundWindow {
  player: string;
  rank: number;
  entries: RankedEntry[];
}

export interface TopOptions {
  /** 1–100, default 10. */
  limit?: number;
  /** How many entries to skip: 0 or more, default 0. */
  offset?: number;
  /** Default `all`. */
  period?: Period;
}

export interface AroundOptions {
  /** How many players on each side: 0–50, default 5. */
  radius?: number;
  /** Default `all`. */
  period?: Period;
}

export interface LeaderboardOptions {
  redis: RedisAdapter;
  /** Prefix of every key, e.g. `app:lb:`. */
  namespace: string;
  /**
   * The clock that says which day and week it is, in ms since the epoch (step 6).
   * Default `Date.now`. Specs pass their own to cross midnight without waiting.
   */
  clock?: () => number;
}

/** Every board name and player is an id: 1–64 characters of A–Z, a–z, 0–9, `_` or `-`. */
export interface Leaderboard {
  /** Step 1 (step 6: for every period). The key of a board: `<namespace>{lb:<board>}:all`, … */
  keyFor(board: string, period?: Period): string;
  /**
   * Steps 1, 5, 6. Applies `points` to `player` with `mode` (default `best`) on the all-time,
   * daily and weekly boards, in one round trip, and answers the player's all-time standing.
   * Throws `InvalidInputError` for bad input and `ScoreOutOfRangeError` when an increment
   * would leave 0–1,000,000 on any board; either way nothing is written.
   */
  submit(board: string, player: string, points: number, mode?: Mode): Promise<Standing>;
  /** Step 1. The player's real score, or `null` when they are not on the board. One round trip. */
  score(board: string, player: string, period?: Period): Promise<number | null>;
  /** Step 1 (step 6: from every period's board). Takes the player off the board; `true` when they were on it. */
  remove(board: string, player: string): Promise<boolean>;
  /** Step 2. A page of the ranking, best first. One round trip. */
  top(board: string, options?: TopOptions): Promise<TopPage>;
  /** Step 3. The player's rank and score, or `null` when they are not on the board. One round trip. */
  standing(board: string, player: string, period?: Period): Promise<Standing | null>;
  /** Step 4. The player and their neighbours, or `null` when they are not on the board. At most two round trips. */
  around(board: string, player: string, options?: AroundOptions): Promise<AroundWindow | null>;
}
