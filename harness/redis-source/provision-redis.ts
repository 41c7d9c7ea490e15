/**
 * Redis provisioning, in one place: the Redis a source describes (`select-redis-source.ts`),
 * given or started here and stopped by the caller. Used by the real-Redis projects'
 * global setup, the benchmarks and `kata serve`.
 */
import { detectEnvironment } from './detect-environment.js';
import { describeRedisSource, type RedisSource, selectRedisSource } from './select-redis-source.js';
import { startRedisContainer } from './start-redis-container.js';
import { type StartedRedis, startRedisServer } from './start-redis-server.js';

/** Gives the Redis a source describes: the given URL (never stopped), or one the harness starts and stops. */
export async function provisionRedis(source: RedisSource): Promise<StartedRedis | null> {
  switch (source.kind) {
    case 'url': {
      const port = Number(new URL(source.url).port || 6379);
      return { url: source.url, port, stop: async () => {} };
    }
    case 'testcontainers':
      return startRedisContainer();
    case 'redis-server':
      return startRedisServer(source.binary);
    case 'none':
      return null;
  }
}

/** A real Redis found or started for this process, or none. */
export interface RealRedis {
  /** `''` when no real Redis is available. */
  url: string;
  /** One line saying where the Redis comes from (or how to get one). */
  description: string;
  /** Stops it when it was started here; a no-op for `REDIS_URL`. */
  stop(): Promise<void>;
}

/** `REDIS_URL` when set (never flushed), else a container or a redis-server started here, else none. */
export async function provideRealRedis(): Promise<RealRedis> {
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
