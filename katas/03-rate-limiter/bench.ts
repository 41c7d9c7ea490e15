/**
 * Provided: you do not need to edit this file.
 *
 * The lesson's numbers: checks per second of each algorithm on each real backend, the
 * Redis commands each check costs, and the same fixed-window workload through
 * `rate-limiter-flexible` and `@fastify/rate-limit`, side by side on the same Redis.
 *
 *   npx tsx katas/03-rate-limiter/bench.ts --solution [--checks 5000] [--concurrency 50] [--rounds 3]
 *     [--requests 4000] [--http-rounds 5] [--http-only]
 *
 * Without `--solution` it measures your code in katas/ (it needs steps 1–4). It runs on
 * REDIS_URL when set, else on a redis-server it starts on a free port (and stops). The
 * workload: `--checks` checks spread over 100 ids, 20 per minute each (so 2,000 allowed,
 * the rest denied), once one at a time and once `--concurrency` at a time; the median of
 * `--rounds` rounds. Commands per check come from INFO commandstats (the commands run
 * inside scripts included): exact on a private redis-server, approximate on a shared one.
 * Every key is written under a fresh `bench:03:<random>:` prefix and deleted afterwards.
 * The mock is left out: its script calls cost about a millisecond, an order of magnitude slower.
 * Then the same server against `@fastify/rate-limit` through real HTTP (`bench-http.ts`).
 */

import { randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis as IORedis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { CommandMonitor } from '../../adapters/core/command-monitor.js';
import type { BackendName, RedisAdapter } from '../../adapters/redis-adapter.js';
import { createBackendAdapter } from '../../harness/backends.js';
import { positiveIntegerOption as option } from '../../harness/bench/bench-option.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { findOnPath } from '../../harness/redis-source/detect-environment.js';
import { type StartedRedis, startRedisServer } from '../../harness/redis-source/start-redis-server.js';
import { benchOverHttp } from './bench-http.js';
import { ALGORITHMS, type Algorithm, type RateLimitRule } from './rate-limit.js';

const checks = option('--checks', 5000);
const concurrency = option('--concurrency', 50);
const rounds = option('--rounds', 3);
const requests = option('--requests', 4000);
const httpRounds = option('--http-rounds', 5);
const httpOnly = process.argv.includes('--http-only');
const IDS = 100;
const WARM_UP = 300;
const rule: RateLimitRule = { limit: 20, windowMs: 60_000 };
const folder = process.argv.includes('--solution') ? '../../solutions/03-rate-limiter' : '.';
const { createLimiter, rateLimitPlugin } = (await import(
  `${folder}/rate-limit-plugin.js`
)) as typeof import('./rate-limit-plugin.js');

/** One check of id number `i`: resolves `true` when allowed. */
type Check = (id: string) => Promise<boolean>;

interface Measured {
  opsPerSecond: number;
  allowed: number;
}

interface Row {
  backend: string;
  limiter: string;
  inFlight: number;
  opsPerSecond: number;
  allowed: number;
  roundTrips: number;
  commands: number;
  breakdown: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const freshPrefix = () => `bench:03:${randomBytes(4).toString('hex')}:`;

/** Runs `checks` checks over IDS ids with `inFlight` at a time; ops/s and how many were allowed. */
async function drive(check: Check, inFlight: number): Promise<Measured> {
  let next = 0;
  let allowed = 0;
  const worker = async () => {
    while (next < checks) {
      const i = next;
      next += 1;
      if (await check(`user-${i % IDS}`)) allowed += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { opsPerSecond: checks / ((performance.now() - started) / 1000), allowed };
}

/** INFO commandstats as `{ command: calls }`. */
async function commandStats(observer: RedisAdapter): Promise<Map<string, number>> {
  const text = String(await observer.sendCommand(['INFO', 'commandstats']));
  const stats = new Map<string, number>();
  for (const match of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) stats.set(match[1] ?? '', Number(match[2]));
  return stats;
}

/** The order the limiters here run their commands in: the one the client sends, what runs inside, EXEC. */
const EXECUTION_ORDER = [
  'evalsha',
  'multi',
  'time',
  'set',
  'incr',
  'incrby',
  'zremrangebyscore',
  'zcard',
  'hmget',
  'zadd',
  'hset',
  'expire',
  'pexpire',
  'pttl',
  'zrange',
  'exec',
];
const orderOf = (command: string) => {
  const index = EXECUTION_ORDER.indexOf(command);
  return index === -1 ? EXECUTION_ORDER.length : index;
};

/** What one check costs Redis: commands per check (INFO excluded), and which. */
function costOf(before: Map<string, number>, after: Map<string, number>, count: number) {
  const perCheck: [string, number][] = [];
  for (const [command, calls] of after) {
    const delta = (calls - (before.get(command) ?? 0)) / count;
    if (command !== 'info' && delta >= 0.005) perCheck.push([command, delta]);
  }
  perCheck.sort((a, b) => orderOf(a[0]) - orderOf(b[0]) || a[0].localeCompare(b[0]));
  return {
    commands: perCheck.reduce((sum, [, delta]) => sum + delta, 0),
    breakdown: perCheck
      .map(([command, delta]) => `${command.toUpperCase()}${delta < 0.95 ? `×${delta.toFixed(2)}` : ''}`)
      .join(' '),
  };
}

/**
 * Measures one limiter: `make(prefix)` builds it under a fresh prefix (so every round
 * starts from empty buckets), warmed up before the clock starts.
 */
async function measure(
  label: { backend: string; limiter: string },
  observer: RedisAdapter,
  make: (prefix: string) => Promise<{ check: Check; roundTrips: () => number; close: () => Promise<void> }>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const inFlight of [1, concurrency]) {
    const samples: Measured[] = [];
    let cost = { commands: Number.NaN, breakdown: '' };
    let roundTrips = Number.NaN;
    for (let round = 0; round < rounds; round += 1) {
      const prefix = freshPrefix();
      const limiter = await make(prefix);
      try {
        // Warm-up on ids of their own: scripts loaded, connections open, the JIT warm.
        for (let i = 0; i < WARM_UP; i += 1) await limiter.check(`warm-up-${i % IDS}`);
        const tripsBefore = limiter.roundTrips();
        const before = await commandStats(observer);
        samples.push(await drive(limiter.check, inFlight));
        const after = await commandStats(observer);
        if (round === 0) {
          cost = costOf(before, after, checks);
          roundTrips = (limiter.roundTrips() - tripsBefore) / checks;
        }
      } finally {
        await limiter.close();
        await deleteKeysWithPrefix(observer, prefix);
      }
    }
    rows.push({
      ...label,
      inFlight,
      opsPerSecond: median(samples.map((sample) => sample.opsPerSecond)),
      allowed: samples[0]?.allowed ?? 0,
      roundTrips,
      ...cost,
    });
  }
  return rows;
}

/** Counts round trips of one of our adapters. */
function tripCounter(): CommandMonitor & { count: number } {
  return {
    count: 0,
    onRoundTrip() {
      this.count += 1;
    },
  };
}

/** Counts the requests an ioredis client sends (each is a round trip of its own here). */
function countSends(client: IORedis): () => number {
  let sent = 0;
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((...args: Parameters<IORedis['sendCommand']>) => {
    sent += 1;
    return send(...args);
  }) as IORedis['sendCommand'];
  return () => sent;
}

const ours = (backend: BackendName, url: string, algorithm: Algorithm) => async (prefix: string) => {
  const trips = tripCounter();
  const redis = createBackendAdapter(backend, url, { monitor: trips });
  const limiter = createLimiter(algorithm, { redis, namespace: prefix });
  return {
    check: async (id: string) => (await limiter.check(id, rule)).allowed,
    roundTrips: () => trips.count,
    close: () => redis.close(),
  };
};

const flexible = (url: string) => async (prefix: string) => {
  const client = new IORedis(url, { lazyConnect: false });
  const sent = countSends(client);
  const limiter = new RateLimiterRedis({
    storeClient: client,
    keyPrefix: prefix.slice(0, -1),
    points: rule.limit,
    duration: rule.windowMs / 1000,
  });
  return {
    check: async (id: string) => {
      try {
        await limiter.consume(id);
        return true;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return false;
        throw rejection;
      }
    },
    roundTrips: sent,
    close: async () => {
      client.disconnect();
    },
  };
};

/** A client address of its own for each id: `app.inject` opens no socket, so any IPv4 text will do. */
function addressOf(addresses: Map<string, string>, id: string): string {
  let address = addresses.get(id);
  if (address === undefined) {
    const n = addresses.size;
    address = `10.${Math.floor(n / 65_536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
    addresses.set(id, address);
  }
  return address;
}

/**
 * A bare Fastify app with one limited route; a check is one `app.inject` as `id`: header
 * `x-user-id: id` (what the peer counts) from an address of its own (what ours counts).
 */
async function viaInject(app: FastifyInstance, close: () => Promise<void>, roundTrips: () => number) {
  await app.ready();
  const addresses = new Map<string, string>();
  return {
    check: async (id: string) =>
      (
        await app.inject({
          method: 'GET',
          url: '/limited',
          headers: { 'x-user-id': id },
          remoteAddress: addressOf(addresses, id),
        })
      ).statusCode === 200,
    roundTrips,
    close: async () => {
      await app.close();
      await close();
    },
  };
}

const ourPlugin = (url: string) => async (prefix: string) => {
  const trips = tripCounter();
  const redis = createBackendAdapter('ioredis', url, { monitor: trips });
  const app = Fastify();
  // Per IP: one check per request, as the peer's one key per request. (`by: 'user'` would
  // check the IP too, and every `app.inject` without `remoteAddress` shares 127.0.0.1.)
  await app.register(rateLimitPlugin, { redis, namespace: prefix, ...rule, algorithm: 'fixed-window', by: 'ip' });
  app.get('/limited', { onRequest: app.rateLimit() }, async () => ({ ok: true }));
  return viaInject(
    app,
    () => redis.close(),
    () => trips.count,
  );
};

const fastifyRateLimit = (url: string) => async (prefix: string) => {
  const client = new IORedis(url);
  const sent = countSends(client);
  const app = Fastify();
  await app.register(rateLimit, {
    max: rule.limit,
    timeWindow: rule.windowMs,
    redis: client,
    nameSpace: prefix,
    keyGenerator: (request) => String(request.headers['x-user-id']),
  });
  app.get('/limited', async () => ({ ok: true }));
  return viaInject(app, async () => client.disconnect(), sent);
};

async function provisionRedis(): Promise<{ url: string; started: StartedRedis | null }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, started: null };
  const binary = findOnPath('redis-server', process.env.PATH ?? '');
  if (!binary) throw new Error('Set REDIS_URL, or install redis-server: the benchmark needs a real Redis.');
  const started = await startRedisServer(binary);
  return { url: started.url, started };
}

const { url, started } = await provisionRedis();
const observer = createBackendAdapter('ioredis', url);
const rows: Row[] = [];
try {
  const version = /redis_version:(\S+)/.exec(String(await observer.sendCommand(['INFO', 'server'])))?.[1];
  if (!httpOnly) {
    for (const backend of ['ioredis', 'node-redis'] as const) {
      for (const algorithm of ALGORITHMS) {
        rows.push(
          ...(await measure({ backend, limiter: `ours · ${algorithm}` }, observer, ours(backend, url, algorithm))),
        );
      }
    }
    rows.push(
      ...(await measure(
        { backend: 'ioredis', limiter: 'rate-limiter-flexible · RateLimiterRedis' },
        observer,
        flexible(url),
      )),
      ...(await measure({ backend: 'ioredis', limiter: 'ours · plugin, app.inject' }, observer, ourPlugin(url))),
      ...(await measure(
        { backend: 'ioredis', limiter: '@fastify/rate-limit · app.inject' },
        observer,
        fastifyRateLimit(url),
      )),
    );

    const where = started ? 'a private redis-server' : 'REDIS_URL (shared: commands per check are approximate)';
    console.log(
      `\nKata 03 · ${folder === '.' ? 'katas/' : 'solutions/'} · Redis ${version} on ${where} · ${checks} checks over ${IDS} ids, ${rule.limit} per ${rule.windowMs / 1000} s each · median of ${rounds} · Node ${process.version}\n`,
    );
    console.log(
      '| client | limiter | in flight | checks/s | allowed | round trips/check | Redis commands/check | what Redis runs |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---|');
    for (const row of rows) {
      console.log(
        `| ${row.backend} | ${row.limiter} | ${row.inFlight} | ${Math.round(row.opsPerSecond).toLocaleString('en')} | ${row.allowed} | ${row.roundTrips.toFixed(2)} | ${row.commands.toFixed(2)} | ${row.breakdown} |`,
      );
    }
  }
  const folderFromHere = folder === '.' ? '.' : '../../solutions/03-rate-limiter';
  await benchOverHttp({ url, folder: folderFromHere, requests, inFlight: concurrency, rounds: httpRounds });
} finally {
  await observer.close();
  await started?.stop();
}
