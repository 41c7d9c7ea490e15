import type { RedisAdapter } from '../adapters/redis-adapter.js';

/**
 * PING, answered within `timeoutMs` (default 900 ms, so `/health` answers within a second) or taken as down. The adapters already fail fast while
 * Redis is away; the timer is a second guard so `/health` itself never hangs.
 */
export async function pingRedis(redis: RedisAdapter, timeoutMs = 900): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = redis.ping().then(
    (reply) => reply === 'PONG',
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
