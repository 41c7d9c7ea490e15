/**
 * Round-trip assertions that show what was sent. A spec that says "one round trip" and
 * fails shows the learner every round trip their code made:
 *
 *   expected 1 round trip, got 3: [SET t:3f9c2a7b:cache:a 1 PX 60000], [SET …], [SET …]
 *
 * A MULTI or pipeline is one round trip: `[MULTI · INCR k · PEXPIRE k 1000 NX · EXEC]`.
 */
import { AssertionError } from 'node:assert';
import type { CommandLog } from '../adapters/core/command-monitor.js';

/** How many round trips an operation may cost: exactly `n`, or at most `atMost`. */
export type RoundTripCount = number | { atMost: number };

const SHOWN_ROUND_TRIPS = 12;
const SHOWN_ARGUMENT_CHARS = 40;

/** `SET t:…:a 1 PX 60000`, long arguments cut short. */
function formatCommand(command: string[]): string {
  return command
    .map((argument) =>
      argument.length > SHOWN_ARGUMENT_CHARS ? `${argument.slice(0, SHOWN_ARGUMENT_CHARS)}…` : argument,
    )
    .join(' ');
}

/** Every round trip of the log, `[…], […]`, the first dozen and how many more. */
export function formatRoundTrips(roundTrips: readonly string[][][]): string {
  const shown = roundTrips.slice(0, SHOWN_ROUND_TRIPS).map((trip) => `[${trip.map(formatCommand).join(' · ')}]`);
  const more = roundTrips.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? `, … and ${more} more` : ''}`;
}

const plural = (n: number) => `${n} round trip${n === 1 ? '' : 's'}`;

/** Fails, listing the commands sent, unless the log holds the expected number of round trips. */
export function expectRoundTrips(log: CommandLog, expected: RoundTripCount, what?: string): void {
  const got = log.roundTrips.length;
  const ok = typeof expected === 'number' ? got === expected : got <= expected.atMost;
  if (ok) return;
  const wanted = typeof expected === 'number' ? plural(expected) : `at most ${plural(expected.atMost)}`;
  const context = what ? ` (${what})` : '';
  const sent = got === 0 ? '' : `: ${formatRoundTrips(log.roundTrips)}`;
  const error = new AssertionError({
    message: `expected ${wanted}${context}, got ${got}${sent}`,
    actual: got,
    expected: typeof expected === 'number' ? expected : expected.atMost,
    operator: typeof expected === 'number' ? '===' : '<=',
  });
  // The spec's line, not this helper's, is where the learner should look.
  Error.captureStackTrace(error, expectRoundTrips);
  throw error;
}
