import { realNextTick, realNow, realSetTimeout } from './real-timers.js';

/** Something that must settle within the queue's duration of being added. */
export interface Deadline {
  /** A {@link realNow} time, set by the queue; `Infinity` until the end of the tick it was added in. */
  deadline: number;
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
  /** How long the oldest entry has waited, in ms: 0 when there is none or it was added this tick. */
  oldestWaitedMs(): number;
  /** Every entry not settled yet, oldest first. */
  entries(): Entry[];
}

const notStamped = Number.POSITIVE_INFINITY;

/**
 * A queue that calls `expire(entry)` for each entry not deleted within `durationMs` of
 * being added. Entries wait in an array, oldest first; a deleted one is marked settled and
 * dropped once every older one is settled too. Replies on one connection come in the order
 * the commands were sent, so the array empties with every burst of replies and nothing is
 * allocated per command (a `Set` rehashes as entries come and go).
 *
 * The clock is read once per tick, not once per entry (a reading costs about 0.1 µs, as
 * much as a tenth of a whole command): the entries added in a tick get their deadline
 * together, when the tick ends (`nextTick`), so no deadline is ever shorter than
 * `durationMs`; `oldestWaitedMs` reads the clock at most once a tick too.
 */
export function createDeadlineQueue<Entry extends Deadline>(
  durationMs: number,
  expire: (entry: Entry) => void,
): DeadlineQueue<Entry> {
  let waiting: Entry[] = [];
  let head = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stampDue = false;
  let tickNow: number | undefined;

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

  /** Gives the entries added this tick (the end of the array) their deadline, then arms. */
  function stamp(): void {
    stampDue = false;
    const now = realNow();
    const deadline = now + durationMs;
    for (let at = waiting.length - 1; at >= head && (waiting[at] as Entry).deadline === notStamped; at -= 1) {
      (waiting[at] as Entry).deadline = deadline;
    }
    if (timer === undefined) arm(now);
  }

  // Unref'd: it never keeps the process alive, so it is not cleared when the last entry
  // settles (clearing and re-arming a timer for every burst of replies costs more than
  // the commands). It may fire for an entry settled long ago: it then expires nothing and
  // re-arms for the oldest left, if any (an entry not stamped yet arms it when stamped).
  function arm(now: number): void {
    const first = oldest();
    timer =
      first && first.deadline !== notStamped
        ? realSetTimeout(expireDue, Math.max(0, first.deadline - now)).unref()
        : undefined;
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

  function forgetTickNow(): void {
    tickNow = undefined;
  }

  function oldestWaitedMs(): number {
    const first = oldest();
    if (first === undefined || first.deadline === notStamped) return 0;
    if (tickNow === undefined) {
      tickNow = realNow();
      realNextTick(forgetTickNow);
    }
    return tickNow - (first.deadline - durationMs);
  }

  return {
    oldest,
    oldestWaitedMs,
    entries: () => waiting.slice(head).filter((entry) => !entry.settled),
    add(entry) {
      entry.deadline = notStamped;
      waiting.push(entry);
      if (stampDue) return;
      stampDue = true;
      realNextTick(stamp);
    },
    delete(entry) {
      entry.settled = true;
      dropSettled();
    },
  };
}
