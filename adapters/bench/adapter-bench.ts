/**
 * `pnpm bench adapters`: each operation of a fixed set, through the raw client and through
 * the adapter over that client, on ioredis and node-redis, side by side in one run.
 *
 *   pnpm bench adapters [--rounds 7] [--ms 400] [--in-flight 50] [--no-timer-per-command]
 *
 * Starts its own redis-server on a free port (and stops it). Rounds are interleaved: each
 * round measures every operation raw and through the adapter back to back (the order
 * alternating between rounds), for `--ms` each with `--in-flight` operations at a time.
 * Two ratios, each taken within a round, medians over the rounds: operations per second
 * (adapter ÷ raw), and this process' CPU time per operation (raw ÷ adapter, so that ≥ 1
 * means the adapter costs no more). On a busy machine the second is the steadier one.
 * Raw node-redis keeps its default 5 s timer per command; `--no-timer-per-command`
 * switches it off, as the adapter does, for the stricter comparison.
 */

import { randomBytes } from 'node:crypto';
import { positiveIntegerOption as option } from '../../harness/bench/bench-option.js';
import { findOnPath } from '../../harness/redis-source/detect-environment.js';
import { startRedisServer } from '../../harness/redis-source/start-redis-server.js';
import { createIoredisAdapter } from '../ioredis.js';
import { createNodeRedisAdapter } from '../node-redis.js';
import type { RedisAdapter } from '../redis-adapter.js';
import { benchOperations, type Operation, seedBenchData } from './bench-operations.js';
import { dedicatedConnections } from './dedicated-connections.js';
import { measureThroughput, median } from './measure-throughput.js';
import { rawIoredis, rawNodeRedis } from './raw-clients.js';

const rounds = option('--rounds', 9);
const durationMs = option('--ms', 300);
const inFlight = option('--in-flight', 50);

interface Pair {
  client: 'ioredis' | 'node-redis';
  operation: string;
  raw: Operation;
  adapter: Operation;
  rawRates: number[];
  adapterRates: number[];
  ratios: number[];
  cpuRatios: number[];
  rawCpu: number[];
  adapterCpu: number[];
}

async function runPair(pair: Pair, adapterFirst: boolean, record: boolean): Promise<void> {
  const measure = (operation: Operation) => measureThroughput(operation, inFlight, durationMs);
  const first = await measure(adapterFirst ? pair.adapter : pair.raw);
  const second = await measure(adapterFirst ? pair.raw : pair.adapter);
  if (!record) return;
  const [adapter, raw] = adapterFirst ? [first, second] : [second, first];
  pair.rawRates.push(raw.opsPerSecond);
  pair.adapterRates.push(adapter.opsPerSecond);
  pair.ratios.push(adapter.opsPerSecond / raw.opsPerSecond);
  pair.rawCpu.push(raw.cpuMicrosPerOp);
  pair.adapterCpu.push(adapter.cpuMicrosPerOp);
  pair.cpuRatios.push(raw.cpuMicrosPerOp / adapter.cpuMicrosPerOp);
}

const binary = findOnPath('redis-server', process.env.PATH ?? '');
if (!binary)
  throw new Error('pnpm bench adapters starts its own redis-server: install one (apt install redis-server).');
const server = await startRedisServer(binary);
const prefix = `bench:adapters:${randomBytes(4).toString('hex')}:`;
const ioredis = await rawIoredis(server.url);
const timerPerCommand = !process.argv.includes('--no-timer-per-command');
const nodeRedis = await rawNodeRedis(server.url, timerPerCommand);
const dedicated = dedicatedConnections(ioredis, nodeRedis);
const adapters: Record<Pair['client'], RedisAdapter> = {
  ioredis: createIoredisAdapter({ url: server.url }),
  'node-redis': createNodeRedisAdapter({ url: server.url }),
};
try {
  await seedBenchData(adapters.ioredis, prefix);
  const pairs: Pair[] = [];
  for (const client of ['ioredis', 'node-redis'] as const) {
    const operations = benchOperations({ ioredis, nodeRedis, adapter: adapters[client], dedicated, prefix });
    for (const [operation, variants] of operations) {
      const raw = client === 'ioredis' ? variants.ioredis : variants.nodeRedis;
      pairs.push({
        client,
        operation,
        raw,
        adapter: variants.adapter,
        rawRates: [],
        adapterRates: [],
        ratios: [],
        cpuRatios: [],
        rawCpu: [],
        adapterCpu: [],
      });
    }
  }
  for (const pair of pairs) await runPair(pair, false, false);
  for (let round = 0; round < rounds; round += 1) {
    for (const pair of pairs) await runPair(pair, round % 2 === 1, true);
  }
  const version = /redis_version:(\S+)/.exec(String(await adapters.ioredis.sendCommand(['INFO', 'server'])))?.[1];
  console.log(
    `\nAdapters vs raw clients · Redis ${version} (private redis-server) · Node ${process.version} · ${inFlight} in flight · ${rounds} interleaved rounds of ${durationMs} ms · medians · raw node-redis ${timerPerCommand ? 'with its 5 s timer per command' : 'without a timer per command'}\n`,
  );
  console.log(
    '| client | operation | raw ops/s | adapter ops/s | ops/s adapter ÷ raw | raw µs CPU/op | adapter µs CPU/op | CPU raw ÷ adapter |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  const format = (rate: number) => Math.round(rate).toLocaleString('en');
  for (const pair of pairs) {
    console.log(
      `| ${pair.client} | ${pair.operation} | ${format(median(pair.rawRates))} | ${format(median(pair.adapterRates))} | ${median(pair.ratios).toFixed(2)} | ${median(pair.rawCpu).toFixed(1)} | ${median(pair.adapterCpu).toFixed(1)} | ${median(pair.cpuRatios).toFixed(2)} |`,
    );
  }
} finally {
  await Promise.allSettled([adapters.ioredis.close(), adapters['node-redis'].close(), dedicated.close()]);
  ioredis.disconnect();
  await nodeRedis.close().catch(() => undefined);
  await server.stop();
}
