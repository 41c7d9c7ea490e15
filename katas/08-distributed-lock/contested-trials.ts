/**
 * Provided: you do not need to edit this file.
 *
 * The kata's correctness check, shared by the step 5 spec (a short run) and the benchmark
 * (1,000 trials): many clients fight for one lock; each winner takes a fencing token and
 * writes to the fenced store. An in-process counter sees any moment where two clients are
 * inside at once; the store's log shows which writes it accepted.
 */
import type { AcquireOptions, DistributedLock, FencedStore, FencingTokens, LockedWork } from './lock.js';

/** The signature of `withLock` (step 4), handed in so this file runs your code or the reference. */
export type WithLock = <T>(
  lock: DistributedLock,
  resource: string,
  options: AcquireOptions,
  work: LockedWork<T>,
) => Promise<T>;

export interface ContestedTrialsOptions {
  /** One lock per client: give them different connections to behave like separate processes. */
  locks: DistributedLock[];
  tokens: FencingTokens;
  store: FencedStore;
  withLock: WithLock;
  resource: string;
  /** How many times the lock is taken in total. */
  trials: number;
  /** How many clients contend at once. */
  clients: number;
}

export interface ContestedTrialsResult {
  trials: number;
  clients: number;
  /** Times a client entered while another was still inside: must be 0. */
  overlaps: number;
  /** Writes the fenced store accepted, and refused (a stale token). */
  accepted: number;
  refused: number;
  elapsedMs: number;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

export async function runContestedTrials(options: ContestedTrialsOptions): Promise<ContestedTrialsResult> {
  const { locks, tokens, store, withLock, resource, trials, clients } = options;
  const acquire: AcquireOptions = { ttlMs: 2_000, timeoutMs: 20_000, retryDelayMs: 1, jitterMs: 4 };
  let started = 0;
  let inside = 0;
  let overlaps = 0;
  let accepted = 0;
  let refused = 0;
  const began = performance.now();

  const client = async (id: number) => {
    const lock = locks[id % locks.length];
    if (!lock) throw new Error('runContestedTrials needs at least one lock.');
    while (started < trials) {
      started += 1;
      await withLock(lock, resource, acquire, async (signal) => {
        inside += 1;
        if (inside > 1) overlaps += 1;
        const token = await tokens.next(resource);
        await tick();
        if (!signal.aborted && (await store.write(resource, token, `client-${id}`))) accepted += 1;
        else refused += 1;
        inside -= 1;
      });
    }
  };

  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
  return { trials, clients, overlaps, accepted, refused, elapsedMs: Math.round(performance.now() - began) };
}
