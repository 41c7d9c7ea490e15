import { WatchConflictError } from '../../adapters/errors/index.js';
import type { Booking, BookingResult, Bookings, LockOptions } from '../../katas/08-distributed-lock/lock.js';
import { BookingContentionError } from '../../katas/08-distributed-lock/lock-errors.js';

export interface BookingsOptions extends LockOptions {
  /** How long a resource's bookings are kept after its latest booking, in ms. Default 7 days. */
  retentionMs?: number;
  /** How many WATCH races one booking may lose before giving up. Default 50. */
  maxAttempts?: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Bookings without a lock: optimistic concurrency. WATCH the hash, read the slot, and
 * only if it is free queue the write in MULTI. If another client changed the hash between
 * WATCH and EXEC, EXEC runs nothing and we read again. Nobody waits for anybody; a loser
 * only pays a retry.
 */
export function createBookings({
  redis,
  namespace,
  retentionMs = WEEK_MS,
  maxAttempts = 50,
}: BookingsOptions): Bookings {
  const keyFor = (resource: string) => `${namespace}bookings:${resource}`;

  const attempt = (key: string, slot: string, user: string) =>
    redis.watch(async (tx): Promise<BookingResult> => {
      await tx.watchKeys(key);
      const heldBy = await tx.hGet(key, slot);
      if (heldBy !== null) {
        await tx.unwatch();
        return { booked: false, heldBy };
      }
      await tx
        .multi()
        .hSet(key, { [slot]: user })
        .pExpire(key, retentionMs)
        .exec();
      return { booked: true };
    });

  return {
    keyFor,
    async book(resource, slot, user) {
      for (let tries = 1; tries <= maxAttempts; tries += 1) {
        try {
          return await attempt(keyFor(resource), slot, user);
        } catch (error) {
          if (!(error instanceof WatchConflictError)) throw error;
        }
      }
      throw new BookingContentionError(resource, maxAttempts);
    },
    async list(resource) {
      const all = await redis.hGetAll(keyFor(resource));
      return Object.entries(all)
        .map(([slot, user]): Booking => ({ slot, user }))
        .sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
    },
  };
}
