/**
 * The bounded differential fuzz run of `pnpm verify`: 60 random sequences of 20–60
 * operations on the mock, ioredis and node-redis in lockstep, each backend's outcome equal
 * after every operation. `pnpm fuzz --runs 5000` runs the long one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionRedis } from '../redis-source/provision-redis.js';
import type { RedisSource } from '../redis-source/select-redis-source.js';
import type { StartedRedis } from '../redis-source/start-redis-server.js';
import { closeFuzzBackends, type FuzzBackends, openFuzzBackends, runDifferentialFuzz } from './differential-run.js';

const source = JSON.parse(process.env.KATA_REDIS_SOURCE ?? '{"kind":"none"}') as RedisSource;
/** A fixed seed: verify runs the same sequences every time; `pnpm fuzz` picks new ones. */
const seed = 20261126;

describe.skipIf(source.kind === 'none')('differential fuzz: mock, ioredis and node-redis agree', () => {
  let redis: StartedRedis | null = null;
  let backends: FuzzBackends | undefined;

  beforeAll(async () => {
    redis = await provisionRedis(source);
    if (redis) backends = openFuzzBackends(redis.url);
  }, 30_000);

  afterAll(async () => {
    if (backends) await closeFuzzBackends(backends);
    await redis?.stop();
  });

  it('answers alike on every backend after every operation of 60 random sequences', async () => {
    if (!backends) throw new Error('no Redis to fuzz against');
    const report = await runDifferentialFuzz(backends, { runs: 60, seed });
    expect(report.divergence, `seed ${report.seed}, path ${report.path}`).toBeNull();
    expect(report.operations).toBeGreaterThan(60 * 15);
  }, 120_000);
});
