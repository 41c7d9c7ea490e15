/**
 * Provided: you do not need to edit this file.
 *
 * The leaderboard's errors. Each says what was wrong, in the units the caller used.
 */

/** Bad input: a score, increment, page or radius outside its range, or a malformed id. Nothing was written. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/** An increment would take a score below 0 or above 1,000,000 on one of the boards. Nothing was written. */
export class ScoreOutOfRangeError extends Error {
  override name = 'ScoreOutOfRangeError';
  /** The score the increment would have made. */
  readonly wouldBe: number;

  constructor(message: string, wouldBe: number) {
    super(message);
    this.wouldBe = wouldBe;
  }
}

/**
 * The board's clock ran out: it has ordered 999,999,999 score changes (README, "Ties").
 * Start a new board (a new season). Nothing was written.
 */
export class BoardClockExhaustedError extends Error {
  override name = 'BoardClockExhaustedError';
}
