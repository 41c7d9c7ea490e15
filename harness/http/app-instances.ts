/**
 * Several instances of a kata's server on one Redis, as in production behind a load
 * balancer: each has an adapter of its own to the same data (`connect`, the mock included:
 * mock adapters share one in-memory server) and listens on a free port of 127.0.0.1.
 */
import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { listenOnFreePort } from './ws-client.js';

export interface RunningInstance {
  app: FastifyInstance;
  /** The instance's own adapter. */
  redis: RedisAdapter;
  /** `http://127.0.0.1:<port>` */
  http: string;
  /** `ws://127.0.0.1:<port>` */
  ws: string;
}

export interface InstancesOptions {
  /** Opens another adapter to the same data (the `connect` fixture of harness/test.ts). */
  connect: () => RedisAdapter;
  /** Builds one instance on `redis`. */
  build: (redis: RedisAdapter, index: number) => Promise<FastifyInstance>;
  /** Registers the closing of every instance (Vitest's `onTestFinished`). */
  onTestFinished: (fn: () => Promise<void>) => void;
}

/** Starts `count` instances, each on an adapter of its own, listening; all closed when the test ends. */
export async function startInstances(
  count: number,
  { connect, build, onTestFinished }: InstancesOptions,
): Promise<RunningInstance[]> {
  const running: RunningInstance[] = [];
  onTestFinished(async () => {
    await Promise.allSettled(running.map(({ app }) => app.close()));
  });
  for (let index = 0; index < count; index += 1) {
    const redis = connect();
    const app = await build(redis, index);
    running.push({ app, redis, ...(await listenOnFreePort(app)) });
  }
  return running;
}
