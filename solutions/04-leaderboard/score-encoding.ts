import { MAX_SCORE, MIN_SCORE } from '../../katas/04-leaderboard/leaderboard-types.js';

/**
 * One point of score spans this many ticks of the board's clock: the composite is
 * `score × 10⁹ + (10⁹ − 1 − tick)`. The largest composite, 1,000,000 × 10⁹ + 999,999,999,
 * is about 1.0 × 10¹⁵, below 2⁵³ ≈ 9.0 × 10¹⁵: every composite is an exact double.
 * A power of ten keeps composites readable in redis-cli: `42999999987` is 42 points.
 */
export const TICKS_PER_POINT = 1_000_000_000;

/** The last tick a board's clock can give: 999,999,999 score changes per board. */
export const MAX_TICK = TICKS_PER_POINT - 1;

const isIntegerIn = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/**
 * The number stored in the sorted set for `score` reached at `tick` of the board's clock.
 * The score fills the high digits, so a higher score always ranks higher; the low nine
 * digits count *down* from the tick, so of two equal scores the earlier one is larger.
 */
export function encodeScore(score: number, tick: number): number {
  if (!isIntegerIn(score, MIN_SCORE, MAX_SCORE)) {
    throw new RangeError(`A score must be an integer from ${MIN_SCORE} to ${MAX_SCORE}; got ${score}.`);
  }
  if (!isIntegerIn(tick, 0, MAX_TICK)) {
    throw new RangeError(`A tick must be an integer from 0 to ${MAX_TICK}; got ${tick}.`);
  }
  return score * TICKS_PER_POINT + (MAX_TICK - tick);
}

/** The real score inside a composite: the digits above the low nine. */
export function decodeScore(composite: number): number {
  return Math.floor(composite / TICKS_PER_POINT);
}
