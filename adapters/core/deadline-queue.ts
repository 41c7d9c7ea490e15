import { realClearTimeout, realNow, realSetTimeout } from './real-timers.js';

/** Something that must settle by `deadline` (a {@link realNow} time), else `expire()` runs. */
export interface Deadline {
  readonly deadline: number;
  expire(): void;
}

/**
 * Deadlines that all last the same time, so that they fall due in the order they were
 * added: one timer serves them all, armed for the oldest. Cheaper than a timer per
 * command, and just as exact: an entry expires as soon as its own deadline passes.
 */
export interface DeadlineQueue {
  add(entry: Deadline): void;
  /** The entry settled in time: forget it. */
  delete(entry: Deadline): void;
  /** The entry that falls due first, if any. */
  oldest(): Deadline | undefined;
}

export function createDeadlineQueue(): DeadlineQueue {
  const entries = new Set<Deadline>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const oldest = (): Deadline | undefined => entries.values().next().value;

  function arm(now: number): void {
    const first = oldest();
    timer = first ? realSetTimeout(expireDue, Math.max(0, first.deadline - now)) : undefined;
  }

  function expireDue(): void {
    const now = realNow();
    for (const entry of entries) {
      if (entry.deadline > now) break;
      entries.delete(entry);
      entry.expire();
    }
    arm(now);
  }

  return {
    oldest,
    add(entry) {
      entries.add(entry);
      if (timer === undefined) arm(realNow());
    },
    delete(entry) {
      entries.delete(entry);
      // No timer left behind to keep the process alive once nothing is in flight.
      if (entries.size === 0 && timer !== undefined) {
        realClearTimeout(timer);
        timer = undefined;
      }
    },
  };
}
