/**
 * Provided: you do not need to edit this file.
 *
 * The types every file of this kata shares. Your files import from it.
 */
import type { RedisAdapter } from '../../adapters/redis-adapter.js';

/** What the lock factories take: a Redis connection and the prefix of their keys. */
export interface LockOptions {
  redis: RedisAdapter;
  /** Prefix of every key written, e.g. `app:`: the lock of `invoice-7` is `app:lock:invoice-7`. */
  namespace: string;
}

/** A lock you hold: proof of ownership, needed to release or extend it. */
export interface Lease {
  /** What is locked, e.g. `invoice-7`. */
  readonly resource: string;
  /** The Redis key of the lock. */
  readonly key: string;
  /** The random value stored under `key`: only the holder knows it. */
  readonly token: string;
  /** The TTL set on the key, in milliseconds. */
  readonly ttlMs: number;
  /**
   * Until when the holder may act, on this process' monotonic clock (`performance.now()`,
   * in ms): the moment before the SET was sent plus `ttlMs`. Redis may delete the key at
   * any moment after it; never count on the lock later than this.
   */
  readonly validUntil: number;
}

/** A lock on one Redis: SET NX PX to take it, Lua compare-and-delete / compare-and-expire to give it back or keep it. */
export interface DistributedLock {
  /** The Redis key of `resource`'s lock: the namespace, `lock:`, then the resource. */
  keyFor(resource: string): string;
  /**
   * Step 1. Tries once, without waiting: a lease when the lock was free, `null` when
   * someone holds it. `ttlMs` (an integer ≥ 1) is the key's PX TTL. One round trip.
   */
  tryAcquire(resource: string, ttlMs: number): Promise<Lease | null>;
  /**
   * Steps 1–2. Gives the lock back, only if `lease` still owns it: `true` when the key was
   * deleted, `false` when it had expired or belongs to someone else (left untouched).
   * One round trip, atomic.
   */
  release(lease: Lease): Promise<boolean>;
  /**
   * Step 4. Sets the key's TTL to `ttlMs` again, only if `lease` still owns it: the renewed
   * lease, or `null` when the lock was lost. One round trip, atomic.
   */
  extend(lease: Lease, ttlMs: number): Promise<Lease | null>;
}

/** How long to keep trying to take a lock (step 3). Every value is in milliseconds. */
export interface AcquireOptions {
  /** The lock's TTL: an integer ≥ 1. */
  ttlMs: number;
  /** Give up after this long: 0 tries exactly once. */
  timeoutMs: number;
  /** The base pause between two tries. Default 50. */
  retryDelayMs?: number;
  /** Up to this much random time is added to each pause, so contenders do not retry in step. Default 50. */
  jitterMs?: number;
}

/** What `withLock` hands the code it runs (step 4). */
export type LockedWork<T> = (signal: AbortSignal, lease: Lease) => Promise<T>;

/** One write the fenced store accepted (step 5). */
export interface FencedWrite {
  /** The fencing token it came with. */
  token: number;
  value: string;
}

/** A store that refuses writes carrying a token older than one it has already accepted (step 5). */
export interface FencedStore {
  /** Where `resource`'s current value and last token live (a hash): `<namespace>store:{<resource>}`. */
  keyFor(resource: string): string;
  /** Where every accepted write is logged, in order (a list): `<namespace>store:{<resource>}:log`. */
  logKeyFor(resource: string): string;
  /**
   * Writes `value` if `token` is greater than every token accepted before: `true`; a stale
   * token changes nothing: `false`. One round trip, atomic.
   */
  write(resource: string, token: number, value: string): Promise<boolean>;
  /** The current value and its token, or `null` before the first write. */
  read(resource: string): Promise<FencedWrite | null>;
  /** Every accepted write, oldest first. */
  writes(resource: string): Promise<FencedWrite[]>;
}

/** Hands out fencing tokens: 1, 2, 3… per resource, never twice the same (step 5). */
export interface FencingTokens {
  /** The counter's key: `<namespace>fence:<resource>`. No TTL: a counter that restarted would hand out old numbers again. */
  keyFor(resource: string): string;
  /** INCR: the next token of `resource`. */
  next(resource: string): Promise<number>;
}

/** One booked slot (step 6). */
export interface Booking {
  slot: string;
  user: string;
}

/** The outcome of one booking attempt: booked, or the slot already belonged to someone (maybe the same user). */
export type BookingResult = { booked: true } | { booked: false; heldBy: string };

/** Slots of a resource, booked at most once each, with WATCH/MULTI/EXEC (step 6). */
export interface Bookings {
  /** The hash of `resource`'s bookings (slot → user): `<namespace>bookings:<resource>`. */
  keyFor(resource: string): string;
  /** Books `slot` for `user` unless it is taken. Retries when another booking raced it (WATCH). */
  book(resource: string, slot: string, user: string): Promise<BookingResult>;
  /** Every booking of `resource`, sorted by slot. */
  list(resource: string): Promise<Booking[]>;
}

/** A lock granted by a quorum of independent Redis instances (step 7). */
export interface RedlockLease extends Lease {
  /** How many instances granted it. */
  readonly granted: number;
  /** Milliseconds the holder may count on it: the TTL minus the time taking it took, minus the clock drift allowance. */
  readonly validityMs: number;
}

/** Options of `createRedlock` (step 7). */
export interface RedlockOptions {
  /** Independent Redis instances (not replicas of each other): 3 or 5 in practice. */
  instances: RedisAdapter[];
  namespace: string;
  /** Clock drift allowed between instances, as a share of the TTL. Default 0.01 (1%). */
  driftFactor?: number;
  /** How long to wait for one instance before counting it as failed. Default 250 ms: a third of the 1 s in which a server must answer. */
  instanceTimeoutMs?: number;
}

/** Redlock: a lock held when a majority of independent instances granted it in time (step 7). */
export interface Redlock {
  /** How many instances must grant a lock: a majority, `floor(n / 2) + 1`. */
  readonly quorum: number;
  keyFor(resource: string): string;
  /**
   * Tries once on every instance: a lease when a quorum granted it with validity left;
   * otherwise releases what it got and answers `null` (the lock is taken). Rejects with
   * `QuorumUnavailableError` when fewer than a quorum of instances answered at all.
   */
  tryAcquire(resource: string, ttlMs: number): Promise<RedlockLease | null>;
  /** Compare-and-delete on every instance (even those that did not grant it): how many deleted it. */
  release(lease: RedlockLease): Promise<number>;
}
