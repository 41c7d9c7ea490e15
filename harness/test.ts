/**
 * The `test` every spec imports. Its fixtures hand each test the backend it runs on, a
 * fresh adapter, and a key prefix nobody else uses; the keys are deleted afterwards.
 *
 *   import { describe, expect, test } from '../../harness/test.js';
 *   test('stores a value', async ({ redis, prefix }) => { … });
 */
import { randomBytes } from 'node:crypto';
import { test as base } from 'vitest';
import { type CommandLog, createCommandLog } from '../adapters/core/command-monitor.js';
import type { BackendName, RedisAdapter } from '../adapters/redis-adapter.js';
import { deleteKeysWithPrefix } from './delete-keys-with-prefix.js';
import { startIndependentRedis } from './independent-redis.js';
import { loadAdapterFactory } from './open-backend-adapter.js';
import { createRedisOutage, type RedisOutage } from './outage.js';

declare module 'vitest' {
  export interface TaskMeta {
    /** Round trips and commands the test's `redis` adapter made (reports read these). */
    redisRoundTrips?: number;
    redisCommands?: number;
  }
  export interface ProvidedContext {
    /** The backend of this Vitest project: `mock`, `ioredis` or `node-redis`. */
    backend: BackendName;
    /** The real Redis this project runs against; empty for the mock. */
    redisUrl: string;
  }
}

export interface RedisFixtures {
  /** Which backend this run uses. */
  backend: BackendName;
  /** Where the real Redis is (`''` on the mock). */
  redisUrl: string;
  /** A key prefix unique to this test, like `t:3f9c2a7b:`. Every key the test writes starts with it. */
  prefix: string;
  /**
   * `prefix` plus a hash tag, like `t:3f9c2a7b:{3f9c2a7b}:`: keys under it share one hash
   * slot, so a multi-key command, MULTI or script over them also runs on Redis Cluster.
   */
  slotPrefix: string;
  /** A channel prefix unique to this test, for pub/sub. */
  channelPrefix: string;
  /** A connected adapter for this test; closed afterwards, after its keys are deleted. */
  redis: RedisAdapter;
  /**
   * Every round trip `redis` makes, as the commands sent: `commandLog.roundTrips.length`
   * proves how many round trips an operation costs. `commandLog.clear()` starts afresh.
   */
  commandLog: CommandLog;
  /** Opens another adapter to the same data (a second app instance); the test's keys are deleted and every such adapter closed afterwards. */
  connect: () => RedisAdapter;
  /** A Redis that the test can take away (`goDown`) and bring back (`comeBack`). */
  outage: RedisOutage;
}

export const test = base.extend<RedisFixtures>({
  backend: ['mock', { injected: true }],
  redisUrl: ['', { injected: true }],
  // biome-ignore lint/correctness/noEmptyPattern: Vitest fixtures must destructure their context.
  prefix: async ({}, use) => {
    await use(`t:${randomBytes(4).toString('hex')}:`);
  },
  slotPrefix: async ({ prefix }, use) => {
    await use(`${prefix}{${prefix.slice(2, -1)}}:`);
  },
  channelPrefix: async ({ prefix }, use) => {
    await use(`${prefix}ch:`);
  },
  connect: async ({ backend, redisUrl, prefix }, use) => {
    const adapters: RedisAdapter[] = [];
    const open = await loadAdapterFactory(backend);
    await use(() => {
      const adapter = open(redisUrl);
      adapters.push(adapter);
      return adapter;
    });
    // A test that only uses `connect` (app instances, no `redis`) still leaves no keys behind.
    if (adapters.length > 0) {
      const cleaner = open(redisUrl);
      await deleteKeysWithPrefix(cleaner, prefix).catch(() => undefined);
      await cleaner.close();
    }
    await Promise.allSettled(adapters.map((adapter) => adapter.close()));
  },
  outage: async ({ backend, redisUrl, prefix }, use) => {
    const open = await loadAdapterFactory(backend);
    const outage = await createRedisOutage(backend, redisUrl, open);
    try {
      await use(outage);
    } finally {
      await outage.close();
      const direct = open(redisUrl);
      await deleteKeysWithPrefix(direct, prefix).catch(() => undefined);
      await direct.close();
    }
  },
  // biome-ignore lint/correctness/noEmptyPattern: Vitest fixtures must destructure their context.
  commandLog: async ({}, use) => {
    await use(createCommandLog());
  },
  redis: async ({ backend, redisUrl, prefix, commandLog, task }, use) => {
    const redis = (await loadAdapterFactory(backend))(redisUrl, { monitor: commandLog });
    try {
      await use(redis);
    } finally {
      task.meta.redisRoundTrips = commandLog.roundTrips.length;
      task.meta.redisCommands = commandLog.commands.length;
      await deleteKeysWithPrefix(redis, prefix).catch(() => undefined);
      await redis.close();
    }
  },
});

export { describe, expect, vi } from 'vitest';
export { expectRoundTrips } from './expect-round-trips.js';
export { expectSameList } from './expect-same-list.js';
export { expectWithin } from './expect-within.js';

export interface IndependentRedisFixtures {
  /**
   * Three Redis servers that share nothing (three in-memory servers on the mock, three
   * redis-server processes on the real backends), each with its own `goDown`/`hang`/
   * `comeBack`. For Redlock. Started for the test, stopped afterwards.
   */
  instances: RedisOutage[];
}

/** `test` plus `instances`: three independent Redis servers. Import it only where you need them. */
export const testWithInstances = test.extend<IndependentRedisFixtures>({
  instances: async ({ backend }, use) => {
    const started = await startIndependentRedis(backend, 3);
    try {
      await use(started.instances);
    } finally {
      await started.close();
    }
  },
});
