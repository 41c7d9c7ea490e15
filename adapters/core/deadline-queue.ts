import { realNow, realSetTimeout } from './real-timers.js';

/** Something that must settle by `deadline`, a {@link realNow} time. */
export interface Deadline {
  readonly deadline: number;
}

/**
 * Deadlines that all last the same time, so that they fall due in the order they were
 * added: one timer serves them all, armed for the oldest. Cheaper than a timer per
 * command, and just as exact: an entry expires as soon as its own deadline passes.
 */
export interface DeadlineQueue<Entry extends Deadline> {
  add(entry: Entry): void;
  /** The entry settled in time: forget it. */
  delete(entry: Entry): void;
  /** The entry that falls due first, if any. */
  oldest(): Entry | undefined;
  /** Every entry not settled yet, oldest first. */
  entries(): Entry[];
}

/** A queue that calls `expire(entry)` for each entry whose deadline passes before it is deleted. */
export function createDeadlineQueue<Entry extends Deadline>(expire: (entry: Entry) => void): DeadlineQueue<Entry> {
  const entries = new Set<Entry>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const oldest = (): Entry | undefined => entries.values().next().value;

  // Unref'd: it never keeps the process alive, so it is not cleared when the last entry
  // settles (clearing and re-arming a timer for every burst of replies costs more than
  // the commands). It may fire for an entry settled long ago: it then expires nothing and
  // re-arms for the oldest left, if any.
  function arm(now: number): void {
    const first = oldest();
    timer = first ? realSetTimeout(expireDue, Math.max(0, first.deadline - now)).unref() : undefined;
  }

  function expireDue(): void {
    const now = realNow();
    for (const entry of entries) {
      if (entry.deadline > now) break;
      entries.delete(entry);
      expire(entry);
    }
    arm(now);
  }

  return {
    oldest,
    entries: () => [...entries],
    add(entry) {
      entries.add(entry);
      if (timer === undefined) arm(realNow());
    },
    delete(entry) {
      entries.delete(entry);
    },
  };
}
