import type { RedisSource } from './select-redis-source.js';
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
