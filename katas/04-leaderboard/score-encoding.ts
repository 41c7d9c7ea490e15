import { NotImplementedError } from '../not-implemented-error.js';

/**
 * Step 5. One point of score spans this many ticks of the board's clock: the composite is
 * `score × 10⁹ + (10⁹ − 1 − tick)`. Why 10⁹, and why it is exact: README.md, "Step 5".
 */
export const TICKS_PER_POINT = 1_000_000_000;

/** The last tick a board's clock can give: 999,999,999 score changes per board. */
export const MAX_TICK = TICKS_PER_POINT - 1;

/**
 * Step 5. The number stored in the sorted set for `score` (0–1,000,000) reached at `tick`
 * (0–MAX_TICK) of the board's clock: a higher score always ranks higher; for equal scores,
 * the earlier tick ranks higher. Throws `RangeError` outside those ranges.
 */
export function encodeScore(score: number, tick: number): number {
  throw new NotImplementedError('04-leaderboard', 5, `encodeScore(${score}, ${tick})`);
}

/** Step 5. The real score inside a composite: what every answer shows. */
export function decodeScore(composite: number): number {
  throw new NotImplementedError('04-leaderboard', 5, `decodeScore(${composite})`);
}
