import { describe, expect, it } from 'vitest';
import { startIndependentRedis } from './independent-redis.js';
import { findOnPath } from './redis-source/detect-environment.js';

const hasRedisServer = findOnPath('redis-server', process.env.PATH ?? '') !== null;

describe('startIndependentRedis', () => {
  for (const backend of ['mock', 'ioredis'] as const) {
    it.skipIf(backend !== 'mock' && !hasRedisServer)(
      `on ${backend}: three servers that share nothing, each with its own outage switch`,
      async () => {
        const started = await startIndependentRedis(backend, 3);
        try {
          const [first, second, third] = started.instances;
          await first?.redis.set('independent:key', '1', { px: 5_000 });
          expect(await second?.redis.exists('independent:key')).toBe(0);
          expect(await third?.redis.exists('independent:key')).toBe(0);
          await second?.goDown();
          await expect(second?.redis.get('independent:key')).rejects.toMatchObject({ name: 'RedisUnavailableError' });
          expect(await first?.redis.get('independent:key'), 'the others stay up').toBe('1');
          await second?.comeBack();
          await expect.poll(() => second?.redis.exists('independent:key'), { timeout: 5_000 }).toBe(0);
          await first?.redis.del('independent:key');
        } finally {
          await started.close();
        }
      },
    );
  }
});
