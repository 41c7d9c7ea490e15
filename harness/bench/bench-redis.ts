/**
 * The real Redis a benchmark measures against: `REDIS_URL` when set (never flushed), else
 * a redis-server (or container) the harness starts and stops, else none (mock only).
 */
import { detectEnvironment } from '../redis-source/detect-environment.js';
import { provisionRedis } from '../redis-source/provision-redis.js';
import { describeRedisSource, selectRedisSource } from '../redis-source/select-redis-source.js';

export interface BenchRedis {
  /** `''` when no real Redis is available. */
  url: string;
  /** One line saying where the Redis comes from. */
  description: string;
  stop(): Promise<void>;
}

export async function startBenchRedis(): Promise<BenchRedis> {
  const source = selectRedisSource(await detectEnvironment());
  const started = await provisionRedis(source);
  return {
    url: started?.url ?? '',
    description: describeRedisSource(source),
    stop: async () => {
      await started?.stop();
    },
  };
}
