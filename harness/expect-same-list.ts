/**
 * A long list compared without printing it whole: a 1,200-key answer that is off shows
 * what is missing, what is extra, what repeats, and the first place it differs.
 *
 *   expected 1200 keys, got 1150: 50 missing (item:0000, item:0007, …), none extra, none twice;
 *   first difference at index 0: item:0001 where item:0000 belongs
 */
import { AssertionError } from 'node:assert';

const SHOWN = 5;

function sample(items: readonly string[]): string {
  if (items.length === 0) return '';
  return ` (${items.slice(0, SHOWN).join(', ')}${items.length > SHOWN ? ', …' : ''})`;
}

function counted(count: number, label: string, items: readonly string[]): string {
  return count === 0 ? `none ${label}` : `${count} ${label}${sample(items)}`;
}

/** Fails unless `actual` equals `expected`, item by item, naming `what` ("keys") and the differences. */
export function expectSameList(actual: readonly string[], expected: readonly string[], what: string): void {
  const differsAt = Array.from({ length: Math.max(actual.length, expected.length) }, (_, index) => index).find(
    (index) => actual[index] !== expected[index],
  );
  if (differsAt === undefined) return;
  const wanted = new Set(expected);
  const got = new Set(actual);
  const missing = expected.filter((item) => !got.has(item));
  const extra = actual.filter((item) => !wanted.has(item));
  const twice = actual.filter((item, index) => actual.indexOf(item) !== index);
  const first = `first difference at index ${differsAt}: ${actual[differsAt] ?? 'nothing'} where ${expected[differsAt] ?? 'nothing'} belongs`;
  const error = new AssertionError({
    message:
      `expected ${expected.length} ${what}, got ${actual.length}: ${counted(missing.length, 'missing', missing)}, ` +
      `${counted(extra.length, 'extra', extra)}, ${counted(twice.length, 'twice', twice)}; ${first}`,
  });
  // The spec's line, not this helper's, is where the learner should look.
  Error.captureStackTrace(error, expectSameList);
  throw error;
}
