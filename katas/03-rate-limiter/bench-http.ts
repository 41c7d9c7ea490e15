/**
 * Provided: you do not need to edit this file.
 *
 * The benchmark's HTTP part: this kata's server against `@fastify/rate-limit` (its
 * production peer) doing the same work, through real HTTP on loopback, side by side in
 * one run. Both servers run in this process on the same Redis, over ioredis: the check
 * route with each algorithm, and `GET /api/limited` (the plugin, per IP), against a bare
 * Fastify route behind `@fastify/rate-limit` (per IP, its default). Every target gets
 * `requests` requests over 100 clients (user ids, or loopback addresses 127.0.x.y), 20
 * per minute each (2,000 allowed), `inFlight` at a time, fresh clients on every run; the
 * rounds are interleaved and each ratio is taken within its round.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis as IORedis } from 'ioredis';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { type HttpLoadRequest, type HttpLoadResult, runHttpLoad } from './http-load.js';
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

/** One client of a run: a user id for the check route, a loopback address for the others. */
interface Client {
  user: string;
  address: string;
}

interface Target {
  name: string;
  port: () => number;
  request(client: Client): HttpLoadRequest;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** A loopback address of its own for client `client` of run `run` (both from 0). */
const loopbackAddress = (run: number, client: number) => `127.${1 + Math.floor(run / 250)}.${run % 250}.${1 + client}`;

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

/** The peer: a bare Fastify route behind `@fastify/rate-limit`, per IP (its default key). */
async function startPeer(url: string, prefix: string): Promise<{ app: FastifyInstance; client: IORedis }> {
  const client = new IORedis(url);
  const app = Fastify();
  await app.register(rateLimit, {
    max: LIMIT,
    timeWindow: WINDOW_MS,
    redis: client,
    nameSpace: `${prefix}peer:`,
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
    limited: { limit: LIMIT, windowMs: WINDOW_MS, by: 'ip' },
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
        request: ({ user }: Client) => ({
          path: `/rate-limit/check?user_id=${user}&${checkQuery}&algorithm=${algorithm}`,
        }),
      })),
      {
        name: 'ours · GET /api/limited (the plugin, fixed window, per IP)',
        port: () => ourPort,
        request: ({ address }) => ({ path: '/api/limited', localAddress: address }),
      },
    ];
    const peerTarget: Target = {
      name: '@fastify/rate-limit · GET /limited (per IP)',
      port: () => peerPort,
      request: ({ address }) => ({ path: '/limited', localAddress: address }),
    };
    let runs = 0;
    // Fresh users on every run: each starts from full quotas, so every run does the same work.
    const run = (target: Target) => {
      runs += 1;
      const runNumber = runs;
      return runHttpLoad({
        port: target.port(),
        request: (i) =>
          target.request({ user: `run${runNumber}-${i % USERS}`, address: loopbackAddress(runNumber, i % USERS) }),
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
