import { NotImplementedError } from '../not-implemented-error.js';
import type { Redlock, RedlockOptions } from './lock.js';

/** Step 7. The majority of `n` instances: 2 of 3, 3 of 5. */
export function quorumOf(n: number): number {
  throw new NotImplementedError('08-distributed-lock', 7, `quorumOf(${n})`);
}

/**
 * Step 7. Redlock over independent Redis instances: SET NX PX with one token on each (each
 * call given at most `instanceTimeoutMs`), held when a quorum granted it with validity
 * left, released everywhere otherwise. Read README.md, "Step 7".
 */
export function createRedlock(options: RedlockOptions): Redlock {
  void options;
  throw new NotImplementedError('08-distributed-lock', 7, 'createRedlock(…)');
}
