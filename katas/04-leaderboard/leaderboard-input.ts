/**
 * Provided: you do not need to edit this file.
 *
 * Checks for every input of the leaderboard, run before anything touches Redis: bad input
 * throws `InvalidInputError` with a message that names the input and its range, and
 * writes nothing.
 */
import { ID_PATTERN } from '../../server-kit/id-schema.js';
import { InvalidInputError } from './leaderboard-errors.js';
import {
  MAX_INCREMENT,
  MAX_PAGE_SIZE,
  MAX_RADIUS,
  MAX_SCORE,
  MIN_SCORE,
  MODES,
  type Mode,
  PERIODS,
  type Period,
} from './leaderboard-types.js';

const isIntegerIn = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/** A board or player name: 1–64 characters of A–Z, a–z, 0–9, `_` or `-` (so it can never break a key's `{…}` hash tag). */
export function checkId(what: 'board' | 'player', value: string): void {
  if (!ID_PATTERN.test(value)) {
    throw new InvalidInputError(
      `${what} must be 1–64 characters of A–Z, a–z, 0–9, _ or -; got ${JSON.stringify(value)}.`,
    );
  }
}

/** `best`: an integer score 0–1,000,000. `increment`: a non-zero integer within ±1,000,000. */
export function checkPoints(points: number, mode: Mode): void {
  if (!MODES.includes(mode))
    throw new InvalidInputError(`mode must be "best" or "increment"; got ${JSON.stringify(mode)}.`);
  if (mode === 'best' && !isIntegerIn(points, MIN_SCORE, MAX_SCORE)) {
    throw new InvalidInputError(
      `A score must be an integer from ${MIN_SCORE} to ${MAX_SCORE.toLocaleString('en')}; got ${points}.`,
    );
  }
  if (mode === 'increment' && (points === 0 || !isIntegerIn(points, -MAX_INCREMENT, MAX_INCREMENT))) {
    throw new InvalidInputError(
      `An increment must be a non-zero integer from -${MAX_INCREMENT.toLocaleString('en')} to ${MAX_INCREMENT.toLocaleString('en')}; got ${points}.`,
    );
  }
}

/** `period` is `all`, `daily` or `weekly`. */
export function checkPeriod(period: Period): void {
  if (!PERIODS.includes(period)) {
    throw new InvalidInputError(`period must be "all", "daily" or "weekly"; got ${JSON.stringify(period)}.`);
  }
}

/** `limit` 1–100, `offset` an integer ≥ 0. */
export function checkPage(limit: number, offset: number): void {
  if (!isIntegerIn(limit, 1, MAX_PAGE_SIZE)) {
    throw new InvalidInputError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE} entries; got ${limit}.`);
  }
  if (!isIntegerIn(offset, 0, Number.MAX_SAFE_INTEGER)) {
    throw new InvalidInputError(`offset must be an integer of 0 or more entries; got ${offset}.`);
  }
}

/** `radius` 0–50 players on each side. */
export function checkRadius(radius: number): void {
  if (!isIntegerIn(radius, 0, MAX_RADIUS)) {
    throw new InvalidInputError(`radius must be an integer from 0 to ${MAX_RADIUS} players; got ${radius}.`);
  }
}
