/**
 * Provided: you do not need to edit this file.
 *
 * The lesson's number: a read from the slow source against the same read through the cache.
 *
 *   npx tsx katas/01-simple-cache/bench.ts --solution [--reads 200] [--source-reads 20] [--latency 50]
 *
 * Without `--solution` it measures your code in katas/ (it needs steps 1–3). It runs on the
 * in-memory mock always, and on ioredis and node-redis against REDIS_URL, or a redis-server
 * it starts itself when one is on PATH. Every key is written under a fresh
 * `bench:01:<random>:` prefix and deleted afterwards; nothing is flushed.
 * Prints a Markdown table.
 */
import { randomBytes } from 'node:crypto';
import type { BackendName } from '../../adapters/redis-adapter.js';
import { createBackendAdapter } from '../../harness/backends.js';
import { positiveIntegerOption as option } from '../../harness/bench/bench-option.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { provideRealRedis } from '../../harness/redis-source/provision-redis.js';
import { createUserSource } from './user-source.js';

interface Row {
  backend: BackendName;
  sourceMs: number;
  cachedMs: number;
  cachedP95Ms: number;
}

const cachedReads = option('--reads', 200);
const sourceReads = option('--source-reads', 20);
const latencyMs = option('--latency', 50);
const folder = process.argv.includes('--solution') ? '../../solutions/01-simple-cache' : '.';
const { createCache } = (await import(`${folder}/cache.js`)) as typeof import('./cache.js');
const { createCachedUsers } = (await import(`${folder}/cached-users.js`)) as typeof import('./cached-users.js');

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timeEach(times: number, read: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await read();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function measure(backend: BackendName, url: string): Promise<Row> {
  const redis = createBackendAdapter(backend, url);
  const prefix = `bench:01:${randomBytes(4).toString('hex')}:`;
  try {
    const source = createUserSource({ latencyMs });
    const users = createCachedUsers({ cache: createCache({ redis, namespace: `${prefix}cache:` }), source });
    const fromSource = await timeEach(sourceReads, () => source.get('u1'));
    await users.get('u1');
    const cached = await timeEach(cachedReads, async () => {
      if (!(await users.get('u1')).hit) throw new Error('A cached read missed: is step 2 done?');
    });
    return {
      backend,
      sourceMs: percentile(fromSource, 50),
      cachedMs: percentile(cached, 50),
      cachedP95Ms: percentile(cached, 95),
    };
  } finally {
    await deleteKeysWithPrefix(redis, prefix).catch(() => undefined);
    await redis.close();
  }
}

const benchRedis = await provideRealRedis();
const { url } = benchRedis;
const backends: BackendName[] = url ? ['mock', 'ioredis', 'node-redis'] : ['mock'];
const rows: Row[] = [];
for (const backend of backends) {
  try {
    rows.push(await measure(backend, url));
  } catch (error) {
    console.error(`${backend}: skipped (${error instanceof Error ? error.message : String(error)})`);
  }
}

const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;
console.log(
  `\nKata 01 · ${folder === '.' ? 'katas/' : 'solutions/'} · source latency ${latencyMs} ms · median of ${sourceReads} source reads, ${cachedReads} cached reads · Node ${process.version}\n`,
);
console.log('| backend | slow source (median) | cached (median) | cached (p95) | speedup |');
console.log('|---|---:|---:|---:|---:|');
for (const row of rows) {
  const speedup = Math.round(row.sourceMs / row.cachedMs);
  console.log(
    `| ${row.backend} | ${ms(row.sourceMs)} | ${ms(row.cachedMs)} | ${ms(row.cachedP95Ms)} | ${speedup.toLocaleString('en')}× |`,
  );
}
console.log(`\n${benchRedis.description}`);
await benchRedis.stop();
process.exitCode = rows.length === backends.length ? 0 : 1;
