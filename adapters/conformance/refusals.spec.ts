/**
 * Error replies that mean "not now" (OOM, BUSY, READONLY, MASTERDOWN) are
 * `RedisUnavailableError`s with a `reason` on both real clients, so a server answers 503
 * with `Retry-After`. Each test starts a redis-server of its own: filling memory or
 * blocking the shared server would break the specs running beside it.
 */
import { findOnPath } from '../../harness/redis-source/detect-environment.js';
import { findFreePort } from '../../harness/redis-source/free-port.js';
import { type StartedRedis, startRedisServer } from '../../harness/redis-source/start-redis-server.js';
import { describe, expect, test } from '../../harness/test.js';
import { BatchError } from '../errors/batch-error.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { createIoredisAdapter } from '../ioredis.js';
import { createNodeRedisAdapter } from '../node-redis.js';
import type { BackendName, RedisAdapter } from '../redis-adapter.js';

const binary = findOnPath('redis-server', process.env.PATH ?? '');

/** Why a test cannot run here, or `undefined` when it can. */
function cannotRun(backend: BackendName): string | undefined {
  if (backend === 'mock') return 'the in-memory mock never refuses commands (capabilities.canBeUnavailable)';
  if (!binary) return 'needs a redis-server binary on PATH, to start a server this test may fill or block';
  return undefined;
}

/** Runs `check` with an adapter on a fresh redis-server, stopped afterwards. */
async function onOwnServer(
  backend: BackendName,
  check: (redis: RedisAdapter, other: RedisAdapter) => Promise<void>,
): Promise<void> {
  const server: StartedRedis = await startRedisServer(binary ?? 'redis-server');
  // A long deadline: a refusal must come from Redis, never from a slow machine's timeout.
  const open = backend === 'ioredis' ? createIoredisAdapter : createNodeRedisAdapter;
  const redis = open({ url: server.url, commandTimeoutMs: 5000 });
  const other = open({ url: server.url, commandTimeoutMs: 5000 });
  try {
    await Promise.all([redis.ping(), other.ping()]);
    await check(redis, other);
  } finally {
    await Promise.all([redis.close(), other.close()]);
    await server.stop();
  }
}

/** A test on a redis-server of its own, skipped where it cannot run. */
function refusalTest(title: string, check: (redis: RedisAdapter, other: RedisAdapter) => Promise<void>): void {
  test(title, async ({ backend, skip }) => {
    const reason = cannotRun(backend);
    skip(reason !== undefined, reason ?? '');
    await onOwnServer(backend, check);
  });
}

const refused = (reason: string, text: string) =>
  expect.objectContaining({ name: 'RedisUnavailableError', reason, message: expect.stringContaining(text) });

describe('refusals: Redis answers but cannot serve the command now', () => {
  refusalTest(
    'a write at maxmemory rejects with RedisUnavailableError, reason oom; reads still work',
    async (redis) => {
      await redis.set('k', 'before');
      await redis.sendCommand(['CONFIG', 'SET', 'maxmemory', '1']);
      const error = await redis.set('k', 'after').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect(error).toEqual(refused('oom', "OOM command not allowed when used memory > 'maxmemory'"));
      await expect(redis.get('k')).resolves.toBe('before');
    },
  );

  refusalTest(
    'at maxmemory, a pipeline keeps one outcome per command and a MULTI rejects with the refusal',
    async (redis) => {
      await redis.set('k', 'before');
      await redis.sendCommand(['CONFIG', 'SET', 'maxmemory', '1']);
      const pipeline = await redis
        .pipeline()
        .get('k')
        .set('k', 'after')
        .exec()
        .catch((caught: unknown) => caught);
      expect(pipeline).toBeInstanceOf(BatchError);
      expect((pipeline as BatchError).outcomes).toEqual([{ value: 'before' }, { error: refused('oom', 'OOM') }]);
      const multi = await redis
        .multi()
        .set('k', 'after')
        .exec()
        .catch((caught: unknown) => caught);
      expect(multi).toEqual(refused('oom', 'OOM'));
      await expect(redis.get('k')).resolves.toBe('before');
    },
  );

  refusalTest(
    'while a script runs too long, other commands reject with RedisUnavailableError, reason busy',
    async (redis, other) => {
      await redis.sendCommand(['CONFIG', 'SET', 'lua-time-limit', '50']);
      const spinFor1500Ms =
        "local t0 = redis.call('TIME') local t = t0 " +
        'while (t[1] - t0[1]) * 1e6 + (t[2] - t0[2]) < 1500000 do t = redis.call("TIME") end return 1';
      const script = redis.defineScript(spinFor1500Ms);
      const running = script.run([], []);
      const blocked = await waitUntilBusy(other);
      expect(blocked).toBeInstanceOf(RedisUnavailableError);
      expect(blocked).toEqual(refused('busy', 'BUSY Redis is busy running a script'));
      await expect(running).resolves.toBe(1);
    },
  );

  refusalTest(
    'a read-only replica refuses writes (readonly), and reads while its master is down (masterdown)',
    async (redis) => {
      await redis.sendCommand(['CONFIG', 'SET', 'replica-serve-stale-data', 'no']);
      await redis.sendCommand(['REPLICAOF', '127.0.0.1', String(await findFreePort())]);
      await expect(redis.set('k', 'v')).rejects.toEqual(refused('readonly', "READONLY You can't write"));
      await expect(redis.get('k')).rejects.toEqual(refused('masterdown', 'MASTERDOWN Link with MASTER is down'));
    },
  );
});

/** Sends GET on `other` until Redis answers BUSY (the script has passed lua-time-limit). */
async function waitUntilBusy(other: RedisAdapter): Promise<unknown> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const outcome = await other.get('k').catch((caught: unknown) => caught);
    if (outcome instanceof RedisUnavailableError && outcome.reason === 'busy') return outcome;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return new Error('Redis never answered BUSY while the script ran');
}
