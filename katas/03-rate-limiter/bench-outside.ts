/**
 * Provided: you do not need to edit this file.
 *
 * The benchmark from outside: this kata's server as `pnpm kata serve 03` runs it, and a bare
 * Fastify server behind `@fastify/rate-limit` (`bench-peer-server.ts`), each a process of its own
 * on the same Redis, loaded from this third process with autocannon over loopback.
 *
 *   npx tsx katas/03-rate-limiter/bench-outside.ts --solution [--rounds 5] [--seconds 5] [--connections 50]
 *     [--users 1000] [--limit 10000]
 *
 * Without `--solution` it measures your server in katas/ (it needs steps 1–5). It runs on
 * REDIS_URL when set, else on a redis-server it starts (and stops). Both servers run on
 * ioredis with a pino logger at `warn` (no line per request; `pnpm kata serve` logs every
 * request by default). Four pairs, each run for `--seconds` with `--connections`
 * connections, the rounds interleaved (the order within a pair alternating), each ratio
 * taken within its round:
 *
 * - `GET /rate-limit/check` with each algorithm, against the peer counting the same
 *   `user_id`: `--users` users, `--limit` per minute each, new users on every run. With the
 *   defaults every request is allowed: the peer's fastest path (its 429 is slower).
 * - `GET /api/limited` against the peer's `/limited`: 5 per 10 s per client IP on both, and
 *   every request comes from 127.0.0.1, so nearly all are answered 429 on both.
 *
 * Besides requests per second, it reads each server's CPU time from /proc (Linux): the
 * CPU µs one request costs the server, which moves less than throughput on a busy machine;
 * and Redis' own (INFO cpu): the CPU µs one request costs Redis, on the same cores as the
 * servers when Redis runs on the same machine. It counts whatever else that Redis serves
 * meanwhile: a private redis-server (no REDIS_URL) serves only this benchmark.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis as IORedis } from 'ioredis';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import { positiveIntegerOption as option } from '../../harness/bench/bench-option.js';
import { type ServerProcess, startServerProcess, stopServerProcess } from '../../harness/bench/server-process.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { findFreePort } from '../../harness/redis-source/free-port.js';
import { infoFields } from '../../harness/redis-source/info-fields.js';
import { provideRealRedis } from '../../harness/redis-source/provision-redis.js';
import { ALGORITHMS } from './rate-limit.js';

const rounds = option('--rounds', 5);
const seconds = option('--seconds', 5);
const connections = option('--connections', 50);
const users = option('--users', 1000);
const limit = option('--limit', 10_000);
const solution = process.argv.includes('--solution');
const WINDOW_MS = 60_000;
const root = fileURLToPath(new URL('../..', import.meta.url));

/** One side of a pair: a server and the path of request `i` of run `run`. */
interface Target {
  name: string;
  server: ServerProcess;
  path(run: string, i: number): string;
}

interface Run {
  requestsPerSecond: number;
  ok: number;
  notOk: number;
  errors: number;
  cpuMicrosPerRequest: number | undefined;
  redisCpuMicrosPerRequest: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const range = (values: number[], digits: number) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

/** Redis' own CPU time so far, in µs: `used_cpu_sys` + `used_cpu_user` of INFO cpu. */
async function redisCpuMicros(): Promise<number> {
  const { used_cpu_sys, used_cpu_user } = infoFields(await observer.info('cpu'));
  return (Number(used_cpu_sys) + Number(used_cpu_user)) * 1e6;
}

/** Loads `target` for `durationSeconds` with autocannon; request `i` gets `target.path(run, i)`. */
async function load(target: Target, run: string, durationSeconds: number): Promise<Run> {
  let i = 0;
  const redisCpuBefore = await redisCpuMicros();
  const cpuBefore = target.server.cpuMicros();
  const result = await autocannon({
    url: `http://127.0.0.1:${target.server.port}`,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          i += 1;
          return { ...request, path: target.path(run, i) };
        },
      },
    ],
  });
  const cpuAfter = target.server.cpuMicros();
  const redisCpuAfter = await redisCpuMicros();
  const answered = result['2xx'] + result.non2xx;
  return {
    requestsPerSecond: answered / result.duration,
    ok: result['2xx'],
    notOk: result.non2xx,
    errors: result.errors,
    cpuMicrosPerRequest:
      cpuBefore === undefined || cpuAfter === undefined || answered === 0
        ? undefined
        : (cpuAfter - cpuBefore) / answered,
    redisCpuMicrosPerRequest: (redisCpuAfter - redisCpuBefore) / answered,
  };
}

const benchId = randomBytes(4).toString('hex');
const redisSource = process.env.REDIS_URL
  ? { url: process.env.REDIS_URL, description: 'REDIS_URL', stop: async () => {} }
  : await provideRealRedis();
if (!redisSource.url) throw new Error(`The benchmark needs a real Redis. ${redisSource.description}`);
const url = redisSource.url;
// Reads Redis' CPU time around each run: the work a route makes Redis do competes for the
// same cores as the servers on a small machine.
const observer = new IORedis(url);
const peerPrefix = `bench:03:peer:${benchId}:`;
const servers: ServerProcess[] = [];
try {
  const oursPort = await findFreePort();
  const ours = await startServerProcess(
    [
      'harness/cli/kata.ts',
      'serve',
      '03',
      ...(solution ? ['--solution'] : []),
      '--adapter',
      'ioredis',
      '--url',
      url,
      '--port',
      String(oursPort),
      '--log-level',
      'warn',
    ],
    oursPort,
    root,
  );
  servers.push(ours);
  const peerPort = await findFreePort();
  const peer = await startServerProcess(
    [
      'katas/03-rate-limiter/bench-peer-server.ts',
      '--url',
      url,
      '--port',
      String(peerPort),
      '--limit',
      String(limit),
      '--window',
      String(WINDOW_MS),
      '--prefix',
      peerPrefix,
      '--log-level',
      'warn',
    ],
    peerPort,
    root,
  );
  servers.push(peer);

  const user = (run: string, i: number) => `${benchId}${run}u${i % users}`;
  const peerByUser: Target = {
    name: '@fastify/rate-limit · GET /limited-by-user (per user_id)',
    server: peer,
    path: (run, i) => `/limited-by-user?user_id=${user(run, i)}`,
  };
  const pairs: [Target, Target][] = [
    ...ALGORITHMS.map((algorithm): [Target, Target] => [
      {
        name: `ours · GET /rate-limit/check?algorithm=${algorithm}`,
        server: ours,
        path: (run, i) =>
          `/rate-limit/check?user_id=${user(run, i)}&limit=${limit}&window=${WINDOW_MS}&algorithm=${algorithm}`,
      },
      peerByUser,
    ]),
    [
      { name: 'ours · GET /api/limited (per IP)', server: ours, path: () => '/api/limited' },
      { name: '@fastify/rate-limit · GET /limited (per IP)', server: peer, path: () => '/limited' },
    ],
  ];

  let runs = 0;
  const nextRun = () => {
    runs += 1;
    return `r${runs}`;
  };
  // Warm-up: every route once, so that both servers are compiled before anything counts.
  for (const [ourTarget, peerTarget] of pairs) {
    await load(ourTarget, nextRun(), 2);
    await load(peerTarget, nextRun(), 2);
  }
  const results = new Map<Target, Run[]>();
  const ratios = new Map<Target, number[]>();
  const record = (target: Target, run: Run) => results.set(target, [...(results.get(target) ?? []), run]);
  for (let round = 0; round < rounds; round += 1) {
    for (const [ourTarget, peerTarget] of pairs) {
      const peerFirst = round % 2 === 0;
      const first = await load(peerFirst ? peerTarget : ourTarget, nextRun(), seconds);
      const second = await load(peerFirst ? ourTarget : peerTarget, nextRun(), seconds);
      const [peerRun, ourRun] = peerFirst ? [first, second] : [second, first];
      record(ourTarget, ourRun);
      record(peerTarget, peerRun);
      ratios.set(ourTarget, [...(ratios.get(ourTarget) ?? []), ourRun.requestsPerSecond / peerRun.requestsPerSecond]);
    }
  }

  console.log(
    `\nKata 03 from outside · ${solution ? 'solutions/' : 'katas/'} via pnpm kata serve vs @fastify/rate-limit · both on ioredis, same Redis (${redisSource.description}) · autocannon, ${connections} connections, ${seconds} s per run · ${rounds} interleaved rounds · check route: ${users} users, ${limit} per minute each · Node ${process.version}\n`,
  );
  console.log(
    '| server · route | requests/s, median (range) | 2xx / non-2xx (last run) | errors | server CPU µs/request, median | Redis CPU µs/request, median | ÷ peer, median (range) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const targets = [...new Set(pairs.flat())];
  for (const target of targets) {
    const runsOf = results.get(target) ?? [];
    const rates = runsOf.map((run) => run.requestsPerSecond);
    const last = runsOf.at(-1);
    const cpu = runsOf.flatMap((run) => (run.cpuMicrosPerRequest === undefined ? [] : [run.cpuMicrosPerRequest]));
    const redisCpu = runsOf.map((run) => run.redisCpuMicrosPerRequest);
    const ratio = ratios.get(target);
    console.log(
      `| ${target.name} | ${Math.round(median(rates)).toLocaleString('en')} (${range(
        rates.map((rate) => rate / 1000),
        1,
      )} k) | ${last?.ok ?? 0} / ${last?.notOk ?? 0} | ${runsOf.reduce((sum, run) => sum + run.errors, 0)} | ${
        cpu.length > 0 ? median(cpu).toFixed(1) : 'n/a'
      } | ${median(redisCpu).toFixed(1)} | ${ratio ? `${median(ratio).toFixed(2)} (${range(ratio, 2)})` : '1.00'} |`,
    );
  }
} finally {
  for (const server of servers) await stopServerProcess(server);
  const cleaner = createIoredisAdapter({ url });
  await deleteKeysWithPrefix(cleaner, peerPrefix);
  for (const algorithm of ALGORITHMS) {
    await deleteKeysWithPrefix(cleaner, `kata:03-rate-limiter:check:${algorithm}:${benchId}`);
  }
  await cleaner.close();
  observer.disconnect();
  await redisSource.stop();
}
