/**
 * Provided: you do not need to edit this file.
 *
 * A TTL must be a whole number of milliseconds, at least 1: anything else is a bug in the
 * caller, refused before anything is sent to Redis.
 */
export function requireTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs < 1) {
    throw new RangeError(`ttlMs must be an integer number of milliseconds ≥ 1, not ${ttlMs}.`);
  }
}
