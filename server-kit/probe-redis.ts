import type { RedisAdapter } from '../adapters/redis-adapter.js';
import { type RedisTroubleReason, redisTroubleOf } from './redis-trouble.js';

/** The key the probe names. `SET … XX` writes only keys that exist, and nothing ever creates this one. */
export const HEALTH_PROBE_KEY = 'kata-health-probe:never-written';

export type RedisHealth = { up: true } | { up: false; reason: RedisTroubleReason };

/**
 * Can Redis take a write right now? One round trip that writes nothing:
 * `SET kata-health-probe:never-written "" XX`. A write command goes through every check a
 * real write meets before it runs, so the answer tells the truth where PING does not:
 * out of memory (OOM), read-only replica (READONLY), replica without master (MASTERDOWN),
 * failed snapshot (MISCONF), besides BUSY, LOADING, a dead connection and a hung server.
 * `XX` makes it a no-op when it is accepted: the key does not exist, so nothing is set.
 * Answered within `timeoutMs` (default 700 ms, so `/health` answers well within a second) or taken as a timeout.
 */
export async function probeRedis(redis: RedisAdapter, timeoutMs = 700): Promise<RedisHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<RedisHealth>((resolve) => {
    timer = setTimeout(() => resolve({ up: false, reason: 'timeout' }), timeoutMs);
  });
  const probe = redis.set(HEALTH_PROBE_KEY, '', { xx: true }).then(
    (): RedisHealth => ({ up: true }),
    (error: unknown): RedisHealth => ({ up: false, reason: redisTroubleOf(error)?.reason ?? 'connection' }),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
