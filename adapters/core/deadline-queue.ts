import { realNow, realSetTimeout } from './real-timers.js';

/** Something that must settle by `deadline`, a {@link realNow} time. */
export interface Deadline {
  readonly deadline: number;
  /** Set by the queue once the entry is deleted or expired; create entries with `false`. */
  settled: boolean;
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

/**
 * A queue that calls `expire(entry)` for each entry whose deadline passes before it is
 * deleted. Entries wait in an array, oldest first; a deleted one is marked settled and
 * dropped once every older one is settled too. Replies on one connection come in the order
 * the commands were sent, so the array empties with every burst of replies and nothing is
 * allocated per command (a `Set` rehashes as entries come and go).
 */
export function createDeadlineQueue<Entry extends Deadline>(expire: (entry: Entry) => void): DeadlineQueue<Entry> {
  let waiting: Entry[] = [];
  let head = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Drops the settled entries at the front; empties the array once all are settled. */
  function dropSettled(): void {
    while (head < waiting.length && (waiting[head] as Entry).settled) head += 1;
    if (head === waiting.length) {
      waiting.length = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > waiting.length) {
      waiting = waiting.slice(head);
      head = 0;
    }
  }

  const oldest = (): Entry | undefined => waiting[head];

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
    for (let entry = oldest(); entry !== undefined && entry.deadline <= now; entry = oldest()) {
      entry.settled = true;
      dropSettled();
      expire(entry);
    }
    arm(now);
  }

  return {
    oldest,
    entries: () => waiting.slice(head).filter((entry) => !entry.settled),
    add(entry) {
      waiting.push(entry);
      if (timer === undefined) arm(realNow());
    },
    delete(entry) {
      entry.settled = true;
      dropSettled();
    },
  };
}
