/**
 * The operations `pnpm bench adapters` measures, each written three ways: raw ioredis,
 * raw node-redis, and through a `RedisAdapter`. Every variant sends the same commands
 * with the same replies; only the client code in between differs.
 */
import type { Redis } from 'ioredis';
import type { RedisAdapter, Script } from '../redis-adapter.js';
import type { DedicatedConnections } from './dedicated-connections.js';
import type { NodeRedisClient } from './raw-clients.js';

/** One operation; `worker` picks the worker's own keys, so workers do not share a counter. */
export type Operation = (worker: number) => Promise<unknown>;

export interface OperationSet {
  ioredis: Operation;
  nodeRedis: Operation;
  adapter: Operation;
}

export interface BenchClients {
  ioredis: Redis;
  nodeRedis: NodeRedisClient;
  /** Which adapter runs `adapter`: the one over the raw client it is compared with. */
  adapter: RedisAdapter;
  /** The raw clients' connections for WATCH, one per worker. */
  dedicated: DedicatedConnections;
  prefix: string;
}

const incrementScript = "return redis.call('INCR', KEYS[1])";
const hashFields = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`field-${i}`, `value-${i}`]));

/** Data the read operations need, written once before measuring. */
export async function seedBenchData(adapter: RedisAdapter, prefix: string): Promise<void> {
  await adapter.hSet(`${prefix}hash`, hashFields);
  const members = Array.from({ length: 100 }, (_, i) => ({ member: `member-${i}`, score: i }));
  await adapter.zAdd(`${prefix}zset`, members);
}

/** The fixed set of operations, by name, in the order they are printed. */
export function benchOperations({
  ioredis,
  nodeRedis,
  adapter,
  dedicated,
  prefix,
}: BenchClients): Map<string, OperationSet> {
  const counter = (worker: number) => `${prefix}counter:${worker}`;
  const watched = (worker: number) => `${prefix}watched:${worker}`;
  const plusOne = (value: string | null) => String(Number(value ?? 0) + 1);
  const text = (worker: number) => `${prefix}text:${worker}`;
  const hash = `${prefix}hash`;
  const zset = `${prefix}zset`;
  const member = (worker: number) => `member-${worker % 100}`;
  const script: Script = adapter.defineScript(incrementScript);
  let ioredisSha: string | undefined;
  let nodeRedisSha: string | undefined;

  return new Map<string, OperationSet>([
    [
      'INCR',
      {
        ioredis: (w) => ioredis.incr(counter(w)),
        nodeRedis: (w) => nodeRedis.incr(counter(w)),
        adapter: (w) => adapter.incr(counter(w)),
      },
    ],
    [
      'SET then GET',
      {
        ioredis: async (w) => {
          await ioredis.set(text(w), 'value');
          return ioredis.get(text(w));
        },
        nodeRedis: async (w) => {
          await nodeRedis.set(text(w), 'value');
          return nodeRedis.get(text(w));
        },
        adapter: async (w) => {
          await adapter.set(text(w), 'value');
          return adapter.get(text(w));
        },
      },
    ],
    [
      'HGETALL (10 fields)',
      {
        ioredis: () => ioredis.hgetall(hash),
        nodeRedis: () => nodeRedis.hGetAll(hash),
        adapter: () => adapter.hGetAll(hash),
      },
    ],
    [
      'ZADD then ZRANGE 0 9 WITHSCORES',
      {
        ioredis: async (w) => {
          await ioredis.zadd(zset, w, member(w));
          return ioredis.zrange(zset, 0, 9, 'WITHSCORES');
        },
        nodeRedis: async (w) => {
          await nodeRedis.zAdd(zset, { score: w, value: member(w) });
          return nodeRedis.zRangeWithScores(zset, 0, 9);
        },
        adapter: async (w) => {
          await adapter.zAdd(zset, [{ member: member(w), score: w }]);
          return adapter.zRangeWithScores(zset, 0, 9);
        },
      },
    ],
    [
      'MULTI INCR PEXPIRE NX PTTL EXEC',
      {
        ioredis: (w) => ioredis.multi().incr(counter(w)).pexpire(counter(w), 60_000, 'NX').pttl(counter(w)).exec(),
        nodeRedis: (w) => nodeRedis.multi().incr(counter(w)).pExpire(counter(w), 60_000, 'NX').pTTL(counter(w)).exec(),
        adapter: (w) => adapter.multi().incr(counter(w)).pExpire(counter(w), 60_000, 'nx').pTtl(counter(w)).exec(),
      },
    ],
    [
      'pipeline of 10 INCR',
      {
        ioredis: (w) => {
          const pipeline = ioredis.pipeline();
          for (let i = 0; i < 10; i += 1) pipeline.incr(`${counter(w)}:${i}`);
          return pipeline.exec();
        },
        nodeRedis: (w) => {
          const pipeline = nodeRedis.multi();
          for (let i = 0; i < 10; i += 1) pipeline.incr(`${counter(w)}:${i}`);
          return pipeline.execAsPipeline();
        },
        adapter: (w) => {
          const pipeline = adapter.pipeline();
          for (let i = 0; i < 10; i += 1) pipeline.incr(`${counter(w)}:${i}`);
          return pipeline.exec();
        },
      },
    ],
    [
      'WATCH, GET, MULTI SET EXEC',
      {
        ioredis: async (w) => {
          const connection = await dedicated.ioredis(w);
          await connection.watch(watched(w));
          const value = await connection.get(watched(w));
          return connection.multi().set(watched(w), plusOne(value)).exec();
        },
        nodeRedis: async (w) => {
          const connection = await dedicated.nodeRedis(w);
          await connection.watch(watched(w));
          const value = await connection.get(watched(w));
          return connection.multi().set(watched(w), plusOne(value)).exec();
        },
        adapter: (w) =>
          adapter.watch(async (tx) => {
            await tx.watchKeys(watched(w));
            const value = await tx.get(watched(w));
            return tx.multi().set(watched(w), plusOne(value)).exec();
          }),
      },
    ],
    [
      'EVALSHA (a script doing INCR)',
      {
        ioredis: async (w) => {
          ioredisSha ??= String(await ioredis.script('LOAD', incrementScript));
          return ioredis.evalsha(ioredisSha, 1, counter(w));
        },
        nodeRedis: async (w) => {
          nodeRedisSha ??= await nodeRedis.scriptLoad(incrementScript);
          return nodeRedis.evalSha(nodeRedisSha, { keys: [counter(w)] });
        },
        adapter: (w) => script.run([counter(w)], []),
      },
    ],
  ]);
}
