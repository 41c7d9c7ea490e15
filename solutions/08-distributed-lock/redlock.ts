import { randomUUID } from 'node:crypto';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { Redlock, RedlockLease, RedlockOptions } from '../../katas/08-distributed-lock/lock.js';
import { QuorumUnavailableError } from '../../katas/08-distributed-lock/lock-errors.js';
import { requireTtl } from '../../katas/08-distributed-lock/require-ttl.js';
import { createRedisLock } from './redis-lock.js';

/** One instance's answer: granted (`true`), refused (`false`), or no answer in time (`'failed'`). */
type InstanceAnswer = boolean | 'failed';

/** `promise`, or `'failed'` when it rejects or takes longer than `ms`: one slow instance must not slow the quorum. */
function answerWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'failed'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'failed'>((resolve) => {
    timer = setTimeout(() => resolve('failed'), ms);
  });
  return Promise.race([promise.catch(() => 'failed' as const), late]).finally(() => clearTimeout(timer));
}

/** The majority of `n` instances: 2 of 3, 3 of 5. */
export function quorumOf(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * Redlock (antirez): the same SET NX PX on N independent Redis instances, with one token.
 * The lock is held when a majority granted it and time is left: validity = TTL − time spent
 * acquiring − drift allowance. Otherwise every instance is released at once, so a failed
 * attempt blocks nobody. Release is compare-and-delete on every instance, granted or not:
 * an instance that timed out may still have set the key.
 */
export function createRedlock({
  instances,
  namespace,
  driftFactor = 0.01,
  instanceTimeoutMs = 250,
}: RedlockOptions): Redlock {
  if (instances.length < 1) throw new RangeError('Redlock needs at least one Redis instance (3 or 5 in practice).');
  const locks = instances.map((redis: RedisAdapter) => createRedisLock({ redis, namespace }));
  const quorum = quorumOf(instances.length);
  const first = locks[0];
  if (!first) throw new RangeError('Redlock needs at least one Redis instance.');

  /** Compare-and-delete on the instances `which` picks (all by default), each within `instanceTimeoutMs`. */
  const releaseOn = async (lease: RedlockLease, which: (index: number) => boolean = () => true) => {
    const answers = await Promise.all(
      locks.map((lock, index) => (which(index) ? answerWithin(lock.release(lease), instanceTimeoutMs) : false)),
    );
    return answers.filter((answer) => answer === true).length;
  };

  return {
    quorum,
    keyFor: (resource) => first.keyFor(resource),

    async tryAcquire(resource, ttlMs) {
      requireTtl(ttlMs);
      const key = first.keyFor(resource);
      const token = randomUUID();
      const startedAt = performance.now();
      const answers: InstanceAnswer[] = await Promise.all(
        instances.map((redis) => answerWithin(redis.set(key, token, { nx: true, px: ttlMs }), instanceTimeoutMs)),
      );
      const elapsedMs = performance.now() - startedAt;
      const granted = answers.filter((answer) => answer === true).length;
      const answered = answers.filter((answer) => answer !== 'failed').length;
      const driftMs = Math.round(ttlMs * driftFactor) + 2;
      const validityMs = Math.floor(ttlMs - elapsedMs - driftMs);
      const lease: RedlockLease = {
        resource,
        key,
        token,
        ttlMs,
        validUntil: startedAt + validityMs,
        granted,
        validityMs,
      };
      if (granted >= quorum && validityMs > 0) return lease;
      // Give back what we may hold: every grant, and every instance that did not answer (its SET may have landed).
      await releaseOn(lease, (index) => answers[index] !== false);
      if (answered < quorum) throw new QuorumUnavailableError(answered, quorum);
      return null;
    },

    release: (lease) => releaseOn(lease),
  };
}
