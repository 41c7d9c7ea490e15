import { randomUUID } from 'node:crypto';
import type { DistributedLock, Lease, LockOptions } from '../../katas/08-distributed-lock/lock.js';
import { requireTtl } from '../../katas/08-distributed-lock/require-ttl.js';

/** Deletes the lock only if it still holds our token: GET and DEL as one atomic step. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Sets a new TTL only if the lock still holds our token: GET and PEXPIRE as one atomic step. */
const EXTEND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/**
 * A lock on one Redis. Taking it is `SET key token NX PX ttl`: the key only appears if it
 * was absent, and Redis deletes it by itself when the TTL runs out, so a crashed holder
 * never blocks the others for longer than the TTL. The token is random and known only to
 * the holder, which is what makes release and extend owner-only.
 */
export function createRedisLock({ redis, namespace }: LockOptions): DistributedLock {
  const release = redis.defineScript(RELEASE);
  const extend = redis.defineScript(EXTEND);
  const keyFor = (resource: string) => `${namespace}lock:${resource}`;

  return {
    keyFor,

    async tryAcquire(resource, ttlMs) {
      requireTtl(ttlMs);
      const key = keyFor(resource);
      const token = randomUUID();
      // Measured before the command leaves: the TTL may have started counting any time after.
      const startedAt = performance.now();
      const taken = await redis.set(key, token, { nx: true, px: ttlMs });
      return taken ? { resource, key, token, ttlMs, validUntil: startedAt + ttlMs } : null;
    },

    async release(lease) {
      return (await release.run([lease.key], [lease.token])) === 1;
    },

    async extend(lease, ttlMs) {
      requireTtl(ttlMs);
      const startedAt = performance.now();
      const extended = (await extend.run([lease.key], [lease.token, ttlMs])) === 1;
      return extended ? ({ ...lease, ttlMs, validUntil: startedAt + ttlMs } satisfies Lease) : null;
    },
  };
}
