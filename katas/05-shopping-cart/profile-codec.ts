import { NotImplementedError } from '../not-implemented-error.js';

/** What a profile field can hold, and get back with the same type. */
export type ProfileValue = string | number | boolean | Date;

/**
 * A user profile: any field names (`__proto__` included), each a `ProfileValue`, or
 * `undefined` for a field that is absent (and comes back absent).
 */
export type Profile = { [field: string]: ProfileValue | undefined };

/**
 * Step 1. A profile → the fields of its hash (strings only), each value written so that
 * `fromHash` can tell its type. Absent fields are left out. Throws a `TypeError` naming the
 * field for a value a hash cannot keep faithfully: NaN, Infinity, an invalid Date, null,
 * an object or an array.
 */
export function toHash(profile: Profile): Record<string, string> {
  void profile;
  throw new NotImplementedError('05-shopping-cart', 1, 'toHash(profile)');
}

/**
 * Step 1. The fields of a hash → the profile they encode, every value with its type back.
 * Throws a `TypeError` naming a field whose text `toHash` did not write.
 */
export function fromHash(hash: Record<string, string>): Profile {
  void hash;
  throw new NotImplementedError('05-shopping-cart', 1, 'fromHash(hash)');
}
