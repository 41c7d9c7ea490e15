import { NotImplementedError } from '../not-implemented-error.js';
import type { Bookings, LockOptions } from './lock.js';

export interface BookingsOptions extends LockOptions {
  /** How long a resource's bookings are kept after its latest booking, in ms. Default 7 days. */
  retentionMs?: number;
  /** How many WATCH races one booking may lose before giving up. Default 50. */
  maxAttempts?: number;
}

/**
 * Step 6. Bookings with WATCH/MULTI/EXEC: watch the resource's hash, read the slot, and
 * write it in MULTI only if it is free; retry when EXEC reports a conflict
 * (`WatchConflictError`). Read README.md, "Step 6".
 */
export function createBookings({ redis, namespace }: BookingsOptions): Bookings {
  void redis;
  void namespace;
  return {
    keyFor(resource) {
      throw new NotImplementedError('08-distributed-lock', 6, `bookings.keyFor("${resource}")`);
    },
    async book(resource, slot, user) {
      throw new NotImplementedError('08-distributed-lock', 6, `bookings.book("${resource}", "${slot}", "${user}")`);
    },
    async list(resource) {
      throw new NotImplementedError('08-distributed-lock', 6, `bookings.list("${resource}")`);
    },
  };
}
