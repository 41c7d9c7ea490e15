/**
 * Provided: you do not need to edit this file. The lesson's number: jobs per second
 * through this kata's reliable queue (enqueue + take + ack, a no-op handler) with 1 and 4
 * workers on both real clients, beside BullMQ on the same Redis in the same run, and the
 * enqueue-to-start latency of an idle worker.
 *
 *   pnpm bench 06 [--jobs 5000] [--latency-jobs 300] [--rounds 3]      (pnpm bench 06 --mine: your code)
 *
 * It runs on REDIS_URL when set, else on a redis-server it starts on a free port (and
 * stops). Throughput: `--jobs` jobs enqueued 50 at a time while the workers run, timed
 * from the first enqueue to the last completion; the median of `--rounds` rounds. Latency:
 * `--latency-jobs` jobs enqueued one at a time, each after the one before has started, so
 * it measures how fast an idle worker wakes up, not a backlog. Commands per job come from
 * INFO commandstats (the commands run inside scripts included): exact on a private
 * redis-server. Every key is written under a fresh prefix and deleted afterwards. The mock
 * is left out: it polls for blocking pops.
 */
import { randomBytes } from 'node:crypto';
import { Worker as BullWorker, Queue } from 'bullmq';
import type { BackendName, RedisAdapter } from '../../adapters/redis-adapter.js';
import { createBackendAdapter } from '../../harness/backends.js';
import { positiveIntegerOption as option } from '../../harness/bench/bench-option.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { provideRealRedis } from '../../harness/redis-source/provision-redis.js';
import type { Job, ReliableQueue, Worker } from './task-queue.js';

const jobs = option('--jobs', 5000);
const latencyJobs = option('--latency-jobs', 300);
const rounds = option('--rounds', 3);
const ENQUEUE_IN_FLIGHT = 50;
const WORKER_COUNTS = [1, 4];
const folder = process.argv.includes('--solution') ? '../../solutions/06-task-queue' : '.';
const { createReliableQueue } = (await import(`${folder}/reliable-queue.js`)) as typeof import('./reliable-queue.js');
const { startWorker } = (await import(`${folder}/worker.js`)) as typeof import('./worker.js');

/** One system under test: enqueue job `i`, and run workers that call `started(i)` then complete the job. */
interface System {
  enqueue(i: number): Promise<void>;
  startWorkers(count: number, started: (i: number) => void, completed: () => void): Promise<() => Promise<void>>;
  cleanUp(): Promise<void>;
}

interface Row {
  system: string;
  workers: number;
  jobsPerSecond: number;
  p50: number;
  p99: number;
  commands: number;
  breakdown: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? Number.NaN;
const freshPrefix = () => `bench:06:${randomBytes(4).toString('hex')}:`;

/** INFO commandstats as `{ command: calls }`. */
async function commandStats(observer: RedisAdapter): Promise<Map<string, number>> {
  const text = String(await observer.sendCommand(['INFO', 'commandstats']));
  const stats = new Map<string, number>();
  for (const match of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) stats.set(match[1] ?? '', Number(match[2]));
  return stats;
}

/** Commands per job between two INFO snapshots (INFO itself excluded), the most frequent first. */
function costOf(before: Map<string, number>, after: Map<string, number>, count: number) {
  const perJob: [string, number][] = [];
  for (const [command, calls] of after) {
    const delta = (calls - (before.get(command) ?? 0)) / count;
    if (command !== 'info' && delta >= 0.005) perJob.push([command, delta]);
  }
  perJob.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    commands: perJob.reduce((sum, [, delta]) => sum + delta, 0),
    breakdown: perJob.map(([command, delta]) => `${command.toUpperCase()}×${delta.toFixed(1)}`).join(' '),
  };
}

/** Enqueues `jobs` jobs, ENQUEUE_IN_FLIGHT at a time, while `count` workers run; jobs/s from first enqueue to last completion. */
async function throughput(system: System, count: number): Promise<number> {
  let done = 0;
  let allDone: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  const stop = await system.startWorkers(
    count,
    () => undefined,
    () => {
      done += 1;
      if (done === jobs) allDone();
    },
  );
  const started = performance.now();
  let next = 0;
  const producer = async () => {
    while (next < jobs) {
      const i = next;
      next += 1;
      await system.enqueue(i);
    }
  };
  await Promise.all(Array.from({ length: ENQUEUE_IN_FLIGHT }, producer));
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await stop();
  return jobs / seconds;
}

/** Enqueues one job at a time to idle workers; the ms from each enqueue call to its handler's start. */
async function latency(system: System, count: number): Promise<number[]> {
  const enqueuedAt = new Map<number, number>();
  const waits: number[] = [];
  let onStart: () => void = () => undefined;
  const stop = await system.startWorkers(
    count,
    (i) => {
      waits.push(performance.now() - (enqueuedAt.get(i) ?? Number.NaN));
      onStart();
    },
    () => undefined,
  );
  await new Promise((resolve) => setTimeout(resolve, 200)); // the workers are now blocked, waiting
  for (let i = 0; i < latencyJobs; i += 1) {
    const startedOnce = new Promise<void>((resolve) => {
      onStart = resolve;
    });
    enqueuedAt.set(i, performance.now());
    await system.enqueue(i);
    await startedOnce;
  }
  await stop();
  return waits;
}

/** This kata's reliable queue on one backend. */
function kataSystem(backend: BackendName, url: string): System {
  const redis = createBackendAdapter(backend, url);
  const prefix = freshPrefix();
  const queue: ReliableQueue = createReliableQueue({ redis, namespace: prefix });
  return {
    async enqueue(i) {
      await queue.enqueue({ data: String(i) });
    },
    async startWorkers(count, started, completed) {
      const workers: Worker[] = Array.from({ length: count }, () =>
        startWorker<Job>({
          redis,
          take: (connection, seconds) => queue.take(connection, seconds),
          handle: async (job) => {
            started(Number(job.data));
            if ((await queue.process(job, async () => undefined)) === 'completed') completed();
          },
        }),
      );
      return async () => {
        await Promise.all(workers.map((worker) => worker.close()));
      };
    },
    async cleanUp() {
      await deleteKeysWithPrefix(redis, prefix);
      await redis.close();
    },
  };
}

/** BullMQ (its Queue and Worker on ioredis), defaults as documented: completed jobs kept, no retries. */
function bullSystem(url: string): System {
  const { hostname, port } = new URL(url);
  const connection = { host: hostname, port: Number(port), maxRetriesPerRequest: null };
  const prefix = freshPrefix();
  const name = 'bench';
  const queue = new Queue(name, { connection, prefix });
  return {
    async enqueue(i) {
      await queue.add('job', { i });
    },
    async startWorkers(count, started, completed) {
      const workers = Array.from({ length: count }, () => {
        const worker = new BullWorker(
          name,
          async (job) => {
            started(job.data.i);
          },
          { connection, prefix, concurrency: 1 },
        );
        worker.on('completed', completed);
        return worker;
      });
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
      return async () => {
        await Promise.all(workers.map((worker) => worker.close()));
      };
    },
    async cleanUp() {
      await queue.obliterate({ force: true });
      await queue.close();
    },
  };
}

async function measure(label: string, observer: RedisAdapter, make: () => System): Promise<Row[]> {
  const rows: Row[] = [];
  for (const count of WORKER_COUNTS) {
    const rates: number[] = [];
    let cost = { commands: Number.NaN, breakdown: '' };
    for (let round = 0; round < rounds; round += 1) {
      const system = make();
      const before = await commandStats(observer);
      rates.push(await throughput(system, count));
      if (round === 0) cost = costOf(before, await commandStats(observer), jobs);
      await system.cleanUp();
    }
    const system = make();
    const waits = await latency(system, count);
    await system.cleanUp();
    rows.push({
      system: label,
      workers: count,
      jobsPerSecond: median(rates),
      p50: percentile(waits, 50),
      p99: percentile(waits, 99),
      ...cost,
    });
    console.error(`  ${label}, ${count} worker(s): ${Math.round(median(rates))} jobs/s`);
  }
  return rows;
}

const redisSource = await provideRealRedis();
if (!redisSource.url) {
  console.error('The benchmark needs a real Redis: set REDIS_URL, or install redis-server.');
  process.exit(1);
}
const observer = createBackendAdapter('ioredis', redisSource.url);
try {
  const server = String(await observer.sendCommand(['INFO', 'server']));
  const version = /redis_version:(\S+)/.exec(server)?.[1] ?? '?';
  console.error(
    `Redis ${version} (${redisSource.description}), Node ${process.versions.node}; ${jobs} jobs, ${rounds} rounds`,
  );
  const rows = [
    ...(await measure('ours · ioredis', observer, () => kataSystem('ioredis', redisSource.url))),
    ...(await measure('ours · node-redis', observer, () => kataSystem('node-redis', redisSource.url))),
    ...(await measure('BullMQ 6 · ioredis', observer, () => bullSystem(redisSource.url))),
  ];
  const bull = new Map(rows.filter((row) => row.system.startsWith('BullMQ')).map((row) => [row.workers, row]));
  console.log(
    '\n| system | workers | jobs/s | × BullMQ | enqueue→start p50 ms | p99 ms | Redis commands/job | which |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const row of rows) {
    const ratio = row.jobsPerSecond / (bull.get(row.workers)?.jobsPerSecond ?? Number.NaN);
    console.log(
      `| ${row.system} | ${row.workers} | ${Math.round(row.jobsPerSecond).toLocaleString('en-US')} | ${ratio.toFixed(2)} | ${row.p50.toFixed(2)} | ${row.p99.toFixed(2)} | ${row.commands.toFixed(1)} | ${row.breakdown} |`,
    );
  }
} finally {
  await observer.close();
  await redisSource.stop();
}
