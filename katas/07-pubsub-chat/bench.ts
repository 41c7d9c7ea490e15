/**
 * Provided: you do not need to edit this file.
 *
 * The lesson's number: fan-out across instances. A room of `--clients` sockets spread over
 * two instances of the chat server on one Redis; `--publishers` of them take turns to send
 * `--messages` messages, at most `--in-flight` not yet delivered everywhere; every socket
 * receives every message. Measured: deliveries per second, and the delay from send to
 * receive (p50, p99; the sender stamps the text, each receiver reads the clock). Beside it,
 * socket.io with `@socket.io/redis-adapter` (`bench-socket-io.ts`): two instances on the
 * same Redis, the same clients, room and messages. Rounds interleave the two, the order
 * alternating; each ratio is taken within its round. The clients live in a process of their
 * own (`bench-clients.ts`): this process runs the four servers only, and the CPU time it
 * spends per delivery is the servers' cost, steadier than throughput on a busy machine.
 *
 *   pnpm bench 07 [--clients 100] [--publishers 10] [--messages 1000] [--in-flight 20] [--rounds 3]
 *     (--mine: your code in katas/)
 *
 * It runs on REDIS_URL when set, else on a redis-server it starts on a free port (and
 * stops). Keys go under a fresh `bench:07:<random>:` prefix, deleted afterwards.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { positiveIntegerOption as option } from '../../harness/bench/bench-option.js';
import type { FanOutResult } from '../../harness/bench/fan-out-load.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { provideRealRedis } from '../../harness/redis-source/provision-redis.js';
import { type ClientProcess, startClientProcess } from './bench-clients.js';
import type { ClientKind } from './bench-connectors.js';
import { startSocketIoInstance } from './bench-socket-io.js';
import type { buildServer as BuildServer } from './server.js';

const clients = option('--clients', 100);
const publishers = option('--publishers', 10);
const messages = option('--messages', 1000);
const inFlight = option('--in-flight', 20);
const rounds = option('--rounds', 3);
const TIME_LIMIT_MS = 60_000;
const folder = process.argv.includes('--solution') ? '../../solutions/07-pubsub-chat' : '.';
const { buildServer } = (await import(`${folder}/server.js`)) as { buildServer: typeof BuildServer };

/** Two instances of one contender, listening; their clients are in the client process. */
interface Contender {
  name: string;
  kind: ClientKind;
  ports: number[];
  stop(): Promise<void>;
}

/** One run of one contender: the clients' measurements, and how busy each process was. */
interface Run extends FanOutResult {
  /** This process's (the servers') CPU time per delivery. */
  cpuMicrosPerDelivery: number;
  /** CPU time ÷ wall time: near 1, that process was the bottleneck. */
  serverBusy: number;
  clientsBusy: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function startOurs(url: string, prefix: string): Promise<Contender> {
  const adapters: RedisAdapter[] = [createIoredisAdapter({ url }), createIoredisAdapter({ url })];
  const apps: FastifyInstance[] = [];
  for (const redis of adapters) {
    const app = await buildServer({ redis, prefix });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
  }
  return {
    name: 'ours · @fastify/websocket, one subscriber per instance',
    kind: 'ws',
    ports: apps.map((app) => (app.server.address() as AddressInfo).port),
    async stop() {
      await Promise.allSettled(apps.map((app) => app.close()));
      await Promise.allSettled(adapters.map((redis) => redis.close()));
    },
  };
}

async function startSocketIo(url: string, prefix: string): Promise<Contender> {
  const instances = [await startSocketIoInstance(url, prefix), await startSocketIoInstance(url, prefix)];
  return {
    name: 'socket.io + @socket.io/redis-adapter',
    kind: 'socket.io',
    ports: instances.map((instance) => instance.port),
    async stop() {
      await Promise.allSettled(instances.map((instance) => instance.close()));
    },
  };
}

async function measure(clientProcess: ClientProcess, contender: Contender, count = messages): Promise<Run> {
  const before = process.cpuUsage();
  const result = await clientProcess.run(contender.name, {
    messages: count,
    publishers,
    inFlight,
    timeLimitMs: TIME_LIMIT_MS,
  });
  const cpu = process.cpuUsage(before);
  const serverCpuMs = (cpu.user + cpu.system) / 1000;
  return {
    ...result,
    cpuMicrosPerDelivery: (serverCpuMs * 1000) / result.deliveries,
    serverBusy: serverCpuMs / result.elapsedMs,
    clientsBusy: result.cpuMs / result.elapsedMs,
  };
}

interface Ratios {
  throughput: number[];
  p99: number[];
  cpu: number[];
}

const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A contender's row: the median of its runs in each column. */
function row(name: string, runs: Run[]): string {
  const middle = (pick: (run: Run) => number) => median(runs.map(pick));
  const cells = [
    name,
    format(middle((run) => run.deliveriesPerSecond)),
    format(
      middle((run) => run.p50Ms),
      1,
    ),
    format(
      middle((run) => run.p99Ms),
      1,
    ),
    format(
      middle((run) => run.cpuMicrosPerDelivery),
      1,
    ),
    percent(middle((run) => run.serverBusy)),
    percent(middle((run) => run.clientsBusy)),
  ];
  return `| ${cells.join(' | ')} |`;
}

function printTable(contenders: Contender[], results: Run[][], ratios: Ratios) {
  console.log(
    `\nKata 07 · fan-out over two instances, one Redis · ${clients} sockets in one room, ${publishers} publishers, ` +
      `${messages} messages per run (${format(messages * clients)} deliveries), ${inFlight} in flight · ` +
      `${rounds} interleaved rounds, medians\n`,
  );
  console.log(
    '| server | deliveries/s | p50 delay, ms | p99 delay, ms | server CPU µs per delivery | servers busy | clients busy |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [index, contender] of contenders.entries()) console.log(row(contender.name, results[index] ?? []));
  const each = (values: number[]) => values.map((value) => `${value.toFixed(2)}×`).join(', ');
  console.log(
    `\nours ÷ socket.io, within each round (median, then each round): throughput ${median(ratios.throughput).toFixed(2)}× ` +
      `(${each(ratios.throughput)}) · p99 delay ${median(ratios.p99).toFixed(2)}× (${each(ratios.p99)}) · ` +
      `server CPU per delivery ${median(ratios.cpu).toFixed(2)}× (${each(ratios.cpu)}).\n` +
      'Goal: throughput ≥ 1.00× at a p99 delay ≤ 1.00×. Busy: CPU time ÷ wall time of the servers’ process and of ' +
      'the clients’ (near 100 %, that process was the bottleneck).',
  );
}

async function main(): Promise<void> {
  const redis = await provideRealRedis();
  if (!redis.url) throw new Error(`The benchmark needs a real Redis. ${redis.description}`);
  const prefix = `bench:07:${randomBytes(4).toString('hex')}:`;
  const room = `bench-${randomBytes(4).toString('hex')}`;
  const contenders: Contender[] = [];
  const clientProcess = startClientProcess();
  try {
    contenders.push(await startOurs(redis.url, `${prefix}ours:`));
    contenders.push(await startSocketIo(redis.url, `${prefix}io:`));
    for (const contender of contenders)
      await clientProcess.connect(contender.name, contender.kind, contender.ports, room, clients);
    console.log(`Redis: ${redis.description}`);
    // Warm-up: JIT, connections, buffers.
    for (const contender of contenders) await measure(clientProcess, contender, Math.min(messages, 200));
    const results = contenders.map((): Run[] => []);
    const ratios: Ratios = { throughput: [], p99: [], cpu: [] };
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      const inRound: Run[] = [];
      for (const index of order) {
        const contender = contenders[index];
        if (!contender) continue;
        const run = await measure(clientProcess, contender);
        results[index]?.push(run);
        inRound[index] = run;
      }
      const [ours, peer] = inRound;
      if (!ours || !peer) continue;
      ratios.throughput.push(ours.deliveriesPerSecond / peer.deliveriesPerSecond);
      ratios.p99.push(ours.p99Ms / peer.p99Ms);
      ratios.cpu.push(ours.cpuMicrosPerDelivery / peer.cpuMicrosPerDelivery);
    }
    printTable(contenders, results, ratios);
  } finally {
    await clientProcess.close();
    await Promise.allSettled(contenders.map((contender) => contender.stop()));
    const cleaner = createIoredisAdapter({ url: redis.url });
    await deleteKeysWithPrefix(cleaner, prefix).catch(() => undefined);
    await cleaner.close();
    await redis.stop();
  }
}

await main();
