/**
 * A number between two bounds, with its name and unit in the message, so a TTL or a time
 * that is off says what it is and in which unit:
 *
 *   expected the TTL in seconds to be > 50 and ≤ 60, got 61
 */
import { AssertionError } from 'node:assert';

/** The bounds: `above`/`atLeast` below, `below`/`atMost` above; any of them may be left out. */
export interface Bounds {
  above?: number;
  atLeast?: number;
  below?: number;
  atMost?: number;
}

function describeBounds({ above, atLeast, below, atMost }: Bounds): string {
  return [
    above === undefined ? null : `> ${above}`,
    atLeast === undefined ? null : `≥ ${atLeast}`,
    below === undefined ? null : `< ${below}`,
    atMost === undefined ? null : `≤ ${atMost}`,
  ]
    .filter(Boolean)
    .join(' and ');
}

function inBounds(value: number, { above, atLeast, below, atMost }: Bounds): boolean {
  return (
    (above === undefined || value > above) &&
    (atLeast === undefined || value >= atLeast) &&
    (below === undefined || value < below) &&
    (atMost === undefined || value <= atMost)
  );
}

/** Fails unless `actual` is a number within `bounds`; `what` names it with its unit ("the TTL in ms"). */
export function expectWithin(actual: number | null | undefined, bounds: Bounds, what: string): void {
  if (typeof actual === 'number' && !Number.isNaN(actual) && inBounds(actual, bounds)) return;
  const error = new AssertionError({
    message: `expected ${what} to be ${describeBounds(bounds)}, got ${actual}`,
    actual,
    expected: describeBounds(bounds),
  });
  // The spec's line, not this helper's, is where the learner should look.
  Error.captureStackTrace(error, expectWithin);
  throw error;
}
