/**
 * Provided: you do not need to edit this file.
 *
 * The lesson's number: reading a sorted set costs the same at 1,000 players as at
 * 1,000,000, while sorting the same scores in the app grows with the board.
 *
 *   npx tsx katas/04-leaderboard/bench.ts --solution [--max 1000000] [--reads 300]
 *   pnpm bench 04                       (the same, on the reference solution)
 *
 * Without `--solution` it measures your code in katas/ (it needs steps 1–5). For 10³, 10⁴,
 * 10⁵ and 10⁶ players (up to `--max`), it fills one board through pipelines of ZADD (a
 * thousand members per command, four pipelines in flight), then times `--reads` reads of the top 10 and of a random
 * player's rank and score, one at a time, on ioredis and on node-redis; round trips per
 * read come from the adapter's monitor. Beside them: the same two answers computed in the
 * app from an array of the same scores (sort, slice, find), the way it goes without a
 * sorted set. It runs on REDIS_URL when set, else on a redis-server it starts itself; the
 * mock is left out (a million members is beyond what it is for). Every key is written
 * under a fresh `bench:04:<random>:` prefix and deleted afterwards; nothing is flushed.
 * Prints a Markdown table.
 */
import { randomBytes } from 'node:crypto';
import { createCommandLog } from '../../adapters/core/command-monitor.js';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import type { BackendName, RedisAdapter, ScoredMember } from '../../adapters/redis-adapter.js';
import { createBackendAdapter } from '../../harness/backends.js';
import { positiveIntegerOption } from '../../harness/bench/bench-option.js';
import { percentile, timeEach } from '../../harness/bench/bench-stats.js';
import { deleteKeysWithPrefix } from '../../harness/delete-keys-with-prefix.js';
import { provideRealRedis } from '../../harness/redis-source/provision-redis.js';
import { MAX_SCORE } from './leaderboard-types.js';

const maxPlayers = positiveIntegerOption('--max', 1_000_000);
const reads = positiveIntegerOption('--reads', 300);
const SIZES = [1_000, 10_000, 100_000, 1_000_000].filter((size) => size <= maxPlayers);
const MEMBERS_PER_ZADD = 1_000;
const ZADDS_PER_PIPELINE = 10;
const PIPELINES_IN_FLIGHT = 4;
const BOARD = 'bench';
const folder = process.argv.includes('--solution') ? '../../solutions/04-leaderboard' : '.';
const { createLeaderboard } = (await import(`${folder}/leaderboard.js`)) as typeof import('./leaderboard.js');
const { encodeScore } = (await import(`${folder}/score-encoding.js`)) as typeof import('./score-encoding.js');

/** One player as the app would hold them: the real score and the tick that breaks ties. */
interface Player {
  player: string;
  score: number;
  tick: number;
}

interface ReadCost {
  medianMs: number;
  p99Ms: number;
  roundTrips: number;
}

/** Deterministic pseudo-random scores (xorshift), so every run fills the same board. */
function scoreStream(seed = 2463534242): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % (MAX_SCORE + 1);
  };
}

/** The next pipeline of up to 10 ZADDs of 1,000 new players each (also pushed onto `players`); `null` when `to` is reached. */
function nextPipeline(redis: RedisAdapter, key: string, players: Player[], to: number, nextScore: () => number) {
  if (players.length >= to) return null;
  const pipeline = redis.pipeline();
  for (let command = 0; command < ZADDS_PER_PIPELINE && players.length < to; command += 1) {
    const members: ScoredMember[] = [];
    for (let i = 0; i < MEMBERS_PER_ZADD && players.length < to; i += 1) {
      const entry = { player: `p${players.length}`, score: nextScore(), tick: players.length + 1 };
      players.push(entry);
      members.push({ member: entry.player, score: encodeScore(entry.score, entry.tick) });
    }
    pipeline.zAdd(key, members);
  }
  return pipeline;
}

/** Grows the board (and `players`) to `to` players, with PIPELINES_IN_FLIGHT pipelines on the wire at once. */
async function fill(redis: RedisAdapter, key: string, players: Player[], to: number, nextScore: () => number) {
  const sender = async () => {
    for (let pipeline = nextPipeline(redis, key, players, to, nextScore); pipeline; ) {
      await pipeline.exec();
      pipeline = nextPipeline(redis, key, players, to, nextScore);
    }
  };
  await Promise.all(Array.from({ length: PIPELINES_IN_FLIGHT }, sender));
}

/** Median and p99 of `reads` runs of `read`, and the round trips each made. */
async function readCost(read: (i: number) => Promise<unknown>, log: ReturnType<typeof createCommandLog>) {
  await read(0); // warm-up: connections, script cache, JIT
  log.clear();
  const samples = await timeEach(reads, read);
  return {
    medianMs: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
    roundTrips: log.roundTrips.length / reads,
  };
}

/** Top 10 and one player's rank, computed in the app: copy, sort (score down, earlier tick first), slice, find. */
function appSideCost(players: Player[]): number {
  const runs = players.length >= 1_000_000 ? 3 : 9;
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const sorted = [...players].sort((a, b) => b.score - a.score || a.tick - b.tick);
    const top = sorted.slice(0, 10);
    const rank = sorted.findIndex((entry) => entry.player === `p${run}`) + 1;
    if (top.length === 0 || rank === 0) throw new Error('The app-side sort lost a player.');
    samples.push(performance.now() - started);
  }
  return percentile(samples, 50);
}

const benchRedis = await provideRealRedis();
if (!benchRedis.url) {
  console.error('No real Redis: set REDIS_URL or install redis-server. The mock is left out of this benchmark.');
  process.exit(1);
}
const backends: BackendName[] = ['ioredis', 'node-redis'];
const namespace = `bench:04:${randomBytes(4).toString('hex')}:`;
// The loader writes 10,000 members per round trip: more than the adapters' 1 s default allows on a busy machine.
const loader = createIoredisAdapter({ url: benchRedis.url, commandTimeoutMs: 30_000 });
const readers = backends.map((backend) => {
  const log = createCommandLog();
  const redis = createBackendAdapter(backend, benchRedis.url, { monitor: log });
  return { backend, log, redis, board: createLeaderboard({ redis, namespace }) };
});
const key = createLeaderboard({ redis: loader, namespace }).keyFor(BOARD);
const players: Player[] = [];
const nextScore = scoreStream();
const lines: string[] = [];
try {
  for (const size of SIZES) {
    const loadStarted = performance.now();
    await fill(loader, key, players, size, nextScore);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const appMs = appSideCost(players);
    for (const { backend, log, board } of readers) {
      const top: ReadCost = await readCost(() => board.top(BOARD, { limit: 10 }), log);
      const rank: ReadCost = await readCost((i) => board.standing(BOARD, `p${(i * 7919) % size}`), log);
      lines.push(
        `| ${size.toLocaleString('en')} | ${backend} | ${ms(top.medianMs)} | ${ms(top.p99Ms)} | ${top.roundTrips} | ${ms(rank.medianMs)} | ${ms(rank.p99Ms)} | ${rank.roundTrips} | ${ms(appMs)} | ${loadSeconds.toFixed(2)} s |`,
      );
    }
  }
} finally {
  await deleteKeysWithPrefix(loader, namespace).catch(() => undefined);
  await Promise.allSettled([loader.close(), ...readers.map((reader) => reader.redis.close())]);
  await benchRedis.stop();
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(3) : value.toFixed(0)} ms`;
}

console.log(
  `\nKata 04 · ${folder === '.' ? 'katas/' : 'solutions/'} · ${reads} reads each, one at a time · ${benchRedis.description} · Node ${process.version}\n`,
);
console.log(
  '| players | client | top 10 (median) | top 10 (p99) | round trips | rank + score (median) | rank + score (p99) | round trips | app-side sort: top 10 + rank | load of the new players |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const line of lines) console.log(line);
