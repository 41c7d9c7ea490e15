/**
 * How long a command waits for a Redis that is stuck, on both real clients:
 *
 *   npx tsx harness/bench/hung-server-deadline.ts
 *
 * A Lua script holds a redis-server started for this measure for 1.2 s (longer than the
 * command deadline, shorter than `lua-time-limit`, so Redis answers nothing, not BUSY);
 * meanwhile a GET on another connection must reject with `RedisUnavailableError`
 * (reason `timeout`) at `defaultCommandTimeoutMs`. Prints the times of 5 tries per client.
 */
import { RedisUnavailableError } from '../../adapters/errors/redis-unavailable-error.js';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import { createNodeRedisAdapter } from '../../adapters/node-redis.js';
import { defaultCommandTimeoutMs, type RealClientOptions } from '../../adapters/real-client-options.js';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { findOnPath } from '../redis-source/detect-environment.js';
import { startRedisServer } from '../redis-source/start-redis-server.js';

const holdFor1200Ms =
  "local t0 = redis.call('TIME') local t = t0 " +
  "while (t[1] - t0[1]) * 1e6 + (t[2] - t0[2]) < 1200000 do t = redis.call('TIME') end return 1";

async function measure(open: (options: RealClientOptions) => RedisAdapter, url: string): Promise<number[]> {
  const redis = open({ url });
  const holder = open({ url, commandTimeoutMs: 5000 });
  await Promise.all([redis.ping(), holder.ping()]);
  const times: number[] = [];
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const holding = holder.defineScript(holdFor1200Ms).run([], []);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const started = performance.now();
      const error = await redis.get('k').catch((caught: unknown) => caught);
      times.push(Math.round(performance.now() - started));
      if (!(error instanceof RedisUnavailableError) || error.reason !== 'timeout') {
        throw new Error(`GET on a stuck Redis should reject with reason timeout, got ${String(error)}`);
      }
      await holding;
    }
  } finally {
    await Promise.all([redis.close(), holder.close()]);
  }
  return times;
}

const binary = findOnPath('redis-server', process.env.PATH ?? '');
if (!binary) throw new Error('This measure starts its own redis-server: install one on PATH.');
const server = await startRedisServer(binary);
try {
  console.log(`Command deadline: defaultCommandTimeoutMs = ${defaultCommandTimeoutMs} ms`);
  for (const [name, open] of [
    ['ioredis', createIoredisAdapter],
    ['node-redis', createNodeRedisAdapter],
  ] as const) {
    const times = await measure(open, server.url);
    console.log(`${name}: GET on a Redis held by a script rejected after ${times.join(', ')} ms`);
  }
} finally {
  await server.stop();
}
