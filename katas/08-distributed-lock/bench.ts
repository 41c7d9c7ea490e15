/**
 * Provided: you do not need to edit this file.
 *
 * The lesson's numbers: lock cycles (acquire + release) per second, uncontended (one
 * client) and with 50 contenders on one resource, on one Redis and with Redlock on three,
 * beside `@sesamecare-oss/redlock` and `redis-semaphore` (Mutex, RedlockMutex) on the same
 * private redis-servers in the same run; then the contested trials: 1,000 locks taken by
 * 50 clients through withLock + fencing, counting overlaps.
 *
 *   pnpm bench 08 [--cycles 2000] [--rounds 3] [--trials 1000]     (--mine: your code in katas/)
 *
 * Every client is ioredis. Contenders wait 10 ms on average between tries (jitter where
 * the library has it). Three private redis-servers are started on free ports and stopped.
 */
import { randomBytes } from 'node:crypto';
import { Redlock as SesameRedlock } from '@sesamecare-oss/redlock';
import { Redis as IORedis } from 'ioredis';
import { Mutex, RedlockMutex } from 'redis-semaphore';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { positiveIntegerOption } from '../../harness/bench/bench-option.js';
import { findOnPath } from '../../harness/redis-source/detect-environment.js';
import { type StartedRedis, startRedisServer } from '../../harness/redis-source/start-redis-server.js';
import { runContestedTrials } from './contested-trials.js';
import type { DistributedLock } from './lock.js';

const cycles = positiveIntegerOption('--cycles', 2000);
const rounds = positiveIntegerOption('--rounds', 3);
const trials = positiveIntegerOption('--trials', 1000);
const CONTENDERS = 50;
const TTL_MS = 5_000;
/** Every contender waits 10 ms on average between tries: ours 5 + 0–10 ms, Sesame's 10 ± 10 ms, redis-semaphore's 10 ms flat. */
const RETRY_MS = 5;
const JITTER_MS = 10;
const LIBRARY_RETRY_MS = 10;
const folder = process.argv.includes('--solution') ? '../../solutions/08-distributed-lock' : '.';
const load = async <T>(file: string) => (await import(`${folder}/${file}`)) as T;
const { createRedisLock } = await load<typeof import('./redis-lock.js')>('redis-lock.js');
const { acquireWithRetry, pauseBeforeRetry } =
  await load<typeof import('./acquire-with-retry.js')>('acquire-with-retry.js');
const { createRedlock } = await load<typeof import('./redlock.js')>('redlock.js');
const { withLock } = await load<typeof import('./with-lock.js')>('with-lock.js');
const { createFencedStore, createFencingTokens } = await load<typeof import('./fencing.js')>('fencing.js');

/** Takes the lock on `resource` (waiting as needed) and returns how to give it back. */
type Acquire = (resource: string) => Promise<() => Promise<unknown>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** `cycles` acquire + release cycles on one resource by `clients` clients at once: cycles per second. */
async function drive(acquire: Acquire, clients: number): Promise<number> {
  const resource = `bench:08:${randomBytes(4).toString('hex')}`;
  let started = 0;
  const client = async () => {
    while (started < cycles) {
      started += 1;
      const release = await acquire(resource);
      await release();
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  return (cycles / (performance.now() - began)) * 1000;
}

function ours(lock: DistributedLock): Acquire {
  return async (resource) => {
    const lease = await acquireWithRetry(lock, resource, {
      ttlMs: TTL_MS,
      timeoutMs: 60_000,
      retryDelayMs: RETRY_MS,
      jitterMs: JITTER_MS,
    });
    return () => lock.release(lease);
  };
}

function oursRedlock(instances: RedisAdapter[]): Acquire {
  const redlock = createRedlock({ instances, namespace: '' });
  return async (resource) => {
    for (;;) {
      const lease = await redlock.tryAcquire(resource, TTL_MS);
      if (lease) return () => redlock.release(lease);
      await sleep(pauseBeforeRetry(RETRY_MS, JITTER_MS));
    }
  };
}

function sesame(clients: IORedis[]): Acquire {
  const redlock = new SesameRedlock(clients, { retryCount: -1, retryDelay: LIBRARY_RETRY_MS, retryJitter: JITTER_MS });
  return async (resource) => {
    const lock = await redlock.acquire([resource], TTL_MS);
    return () => lock.release();
  };
}

function semaphore(clients: IORedis[]): Acquire {
  const options = { lockTimeout: TTL_MS, acquireTimeout: 60_000, retryInterval: LIBRARY_RETRY_MS, refreshInterval: 0 };
  return async (resource) => {
    const [first] = clients;
    if (!first) throw new Error('no client');
    const mutex =
      clients.length === 1 ? new Mutex(first, resource, options) : new RedlockMutex(clients, resource, options);
    await mutex.acquire();
    return () => mutex.release();
  };
}

async function main(): Promise<void> {
  const binary = findOnPath('redis-server', process.env.PATH ?? '');
  if (!binary) throw new Error('The benchmark needs redis-server on PATH (three private servers).');
  const servers: StartedRedis[] = await Promise.all([0, 1, 2].map(() => startRedisServer(binary)));
  const adapters = servers.map((server) => createIoredisAdapter({ url: server.url }));
  const clients = servers.map((server) => new IORedis(server.url));
  try {
    const [one] = adapters;
    const [client] = clients;
    if (!one || !client) throw new Error('no Redis');
    const candidates: [string, string, Acquire][] = [
      ['1 Redis', 'ours · SET NX PX + Lua release', ours(createRedisLock({ redis: one, namespace: '' }))],
      ['1 Redis', '@sesamecare-oss/redlock', sesame([client])],
      ['1 Redis', 'redis-semaphore · Mutex', semaphore([client])],
      ['3 Redis', 'ours · Redlock', oursRedlock(adapters)],
      ['3 Redis', '@sesamecare-oss/redlock', sesame(clients)],
      ['3 Redis', 'redis-semaphore · RedlockMutex', semaphore(clients)],
    ];
    console.log(
      `${cycles} acquire + release cycles per run, median of ${rounds} rounds; Redis on ${servers.map((s) => s.port).join(', ')}\n`,
    );
    console.log('| Redis | lock | cycles/s, 1 client | cycles/s, 50 contenders |');
    console.log('|---|---|---:|---:|');
    // Rounds interleave the candidates, so a busy moment of the machine hits them all alike.
    const alone = candidates.map((): number[] => []);
    const contended = candidates.map((): number[] => []);
    for (const [, , acquire] of candidates) await drive(acquire, 1); // warm-up: JIT, connections, script caches
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, [, , acquire]] of candidates.entries()) {
        alone[index]?.push(await drive(acquire, 1));
        contended[index]?.push(await drive(acquire, CONTENDERS));
      }
    }
    const format = (values: number[] | undefined) => Math.round(median(values ?? [])).toLocaleString('en-US');
    for (const [index, [where, name]] of candidates.entries()) {
      console.log(`| ${where} | ${name} | ${format(alone[index])} | ${format(contended[index])} |`);
    }
    const namespace = `bench:08:${randomBytes(4).toString('hex')}:`;
    // Five connections, as five app processes would have.
    const connections = Array.from({ length: 5 }, () => createIoredisAdapter({ url: servers[0]?.url ?? '' }));
    adapters.push(...connections);
    const result = await runContestedTrials({
      locks: connections.map((redis) => createRedisLock({ redis, namespace })),
      tokens: createFencingTokens({ redis: one, namespace }),
      store: createFencedStore({ redis: one, namespace }),
      withLock,
      resource: 'contested',
      trials,
      clients: CONTENDERS,
    });
    console.log(
      `\nContested trials: ${result.trials} locks by ${result.clients} clients through withLock + fencing in ${result.elapsedMs} ms: ` +
        `${result.overlaps} overlaps, ${result.accepted} writes accepted, ${result.refused} refused.`,
    );
  } finally {
    await Promise.allSettled(adapters.map((adapter) => adapter.close()));
    for (const client of clients) client.disconnect();
    await Promise.allSettled(servers.map((server) => server.stop()));
  }
}

await main();
