/**
 * Provided: you do not need to edit this file.
 *
 * The benchmark's HTTP part: this kata's server against `@fastify/rate-limit` (its
 * production peer) doing the same work, through real HTTP on loopback, side by side in
 * one run. Both servers run in this process on the same Redis, over ioredis: the check
 * route with each algorithm, and `GET /api/limited` (the plugin), against a bare Fastify
 * route behind `@fastify/rate-limit`. Every target gets `requests` requests over 100 users,
 * 20 per minute each (2,000 allowed, the rest 429), `inFlight` at a time, fresh users each
 * round; the rounds are interleaved and each ratio is taken within its round.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis as IORedis } from 'ioredis';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { type HttpLoadResult, runHttpLoad } from './http-load.js';
import { ALGORITHMS } from './rate-limit.js';
import type { buildServer as BuildServer } from './server.js';

export interface HttpBenchOptions {
  url: string;
  /** `katas/03-rate-limiter` or `solutions/03-rate-limiter`, relative to this file. */
  folder: string;
  requests: number;
  inFlight: number;
  rounds: number;
}

const USERS = 100;
const LIMIT = 20;
const WINDOW_MS = 60_000;

interface Target {
  name: string;
  port: () => number;
  request(user: string): { path: string; headers?: Record<string, string> };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

/** The peer: a bare Fastify route behind `@fastify/rate-limit`, keyed by `x-user-id`. */
async function startPeer(url: string, prefix: string): Promise<{ app: FastifyInstance; client: IORedis }> {
  const client = new IORedis(url);
  const app = Fastify();
  await app.register(rateLimit, {
    max: LIMIT,
    timeWindow: WINDOW_MS,
    redis: client,
    nameSpace: `${prefix}peer:`,
    keyGenerator: (request) => String(request.headers['x-user-id']),
  });
  app.get('/limited', async () => ({ ok: true }));
  return { app, client };
}

export async function benchOverHttp(options: HttpBenchOptions): Promise<void> {
  const { buildServer } = (await import(`${options.folder}/server.js`)) as { buildServer: typeof BuildServer };
  const prefix = `bench:03:http:${randomBytes(4).toString('hex')}:`;
  const redis = createIoredisAdapter({ url: options.url });
  const ours = await buildServer({
    redis,
    prefix,
    limited: { limit: LIMIT, windowMs: WINDOW_MS, by: 'user' },
  });
  const peer = await startPeer(options.url, prefix);
  try {
    const ourPort = await listen(ours);
    const peerPort = await listen(peer.app);
    const checkQuery = `limit=${LIMIT}&window=${WINDOW_MS}`;
    const targets: Target[] = [
      ...ALGORITHMS.map((algorithm) => ({
        name: `ours · GET /rate-limit/check?algorithm=${algorithm}`,
        port: () => ourPort,
        request: (user: string) => ({ path: `/rate-limit/check?user_id=${user}&${checkQuery}&algorithm=${algorithm}` }),
      })),
      {
        name: 'ours · GET /api/limited (the plugin, fixed window)',
        port: () => ourPort,
        request: (user) => ({ path: '/api/limited', headers: { 'x-user-id': user } }),
      },
    ];
    const peerTarget: Target = {
      name: '@fastify/rate-limit · GET /limited',
      port: () => peerPort,
      request: (user) => ({ path: '/limited', headers: { 'x-user-id': user } }),
    };
    let runs = 0;
    // Fresh users on every run: each starts from full quotas, so every run does the same work.
    const run = (target: Target) => {
      runs += 1;
      const users = `run${runs}-`;
      return runHttpLoad({
        port: target.port(),
        request: (i) => target.request(`${users}${i % USERS}`),
        total: options.requests,
        inFlight: options.inFlight,
        timeLimitMs: 60_000,
      });
    };

    const results = new Map<Target, HttpLoadResult[]>();
    const ratios = new Map<Target, number[]>();
    await run(peerTarget);
    for (const target of targets) await run(target);
    for (let round = 0; round < options.rounds; round += 1) {
      for (const target of targets) {
        // Peer and ours back to back, the order alternating: drift hits both alike.
        const peerFirst = round % 2 === 0;
        const first = await run(peerFirst ? peerTarget : target);
        const second = await run(peerFirst ? target : peerTarget);
        const [peerResult, ourResult] = peerFirst ? [first, second] : [second, first];
        results.set(target, [...(results.get(target) ?? []), ourResult]);
        results.set(peerTarget, [...(results.get(peerTarget) ?? []), peerResult]);
        ratios.set(target, [...(ratios.get(target) ?? []), ourResult.requestsPerSecond / peerResult.requestsPerSecond]);
      }
    }
    printTable(options, [...targets, peerTarget], results, ratios);
  } finally {
    await ours.close();
    await peer.app.close();
    peer.client.disconnect();
    await deleteKeysWithPrefix(redis, prefix);
    await redis.close();
  }
}

function printTable(
  options: HttpBenchOptions,
  targets: Target[],
  results: Map<Target, HttpLoadResult[]>,
  ratios: Map<Target, number[]>,
): void {
  console.log(
    `\nKata 03 over HTTP · ours vs @fastify/rate-limit, same Redis, ioredis · ${options.requests} requests per run over ${USERS} users, ${LIMIT} per minute each · ${options.inFlight} in flight · ${options.rounds} interleaved rounds, medians\n`,
  );
  console.log('| server · route | requests/s | 200 / 429 (last round) | errors | ÷ @fastify/rate-limit |');
  console.log('|---|---:|---:|---:|---:|');
  for (const target of targets) {
    const runs = results.get(target) ?? [];
    const last = runs.at(-1);
    const ratio = ratios.get(target);
    console.log(
      `| ${target.name} | ${Math.round(median(runs.map((run) => run.requestsPerSecond))).toLocaleString('en')} | ${last?.statuses.get(200) ?? 0} / ${last?.statuses.get(429) ?? 0} | ${runs.reduce((sum, run) => sum + run.errors, 0)} | ${ratio ? median(ratio).toFixed(2) : '1.00'} |`,
    );
  }
}
