import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';
import { NotImplementedError } from '../not-implemented-error.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:06-task-queue:`. */
  prefix?: string;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
  /** Workers in this process, each on its own blocking connection. Default: `QUEUE_WORKERS` of `env`, else 2. */
  workers?: number;
  /** How long a worker may hold a task before the sweeper puts it back, in ms. Default: `QUEUE_VISIBILITY_MS` of `env`, else 30 000. */
  visibilityMs?: number;
  /** The longest an idle worker blocks, in seconds. Default 1. */
  blockSeconds?: number;
  /** How often the sweeper looks, in ms. Default 500. */
  sweepIntervalMs?: number;
  /** Where `QUEUE_WORKERS` and `QUEUE_VISIBILITY_MS` are read from (`pnpm kata serve` passes `process.env`). */
  env?: Record<string, string | undefined>;
}

/**
 * Step 7. The task queue over HTTP (README.md, "HTTP contract"), with `workers` workers
 * running the demo handler (`demo-handler.ts`) and a sweeper in the process; `onClose`
 * stops them gracefully. Start from `createKataServer` (server-kit/). Never listens by
 * itself: `app.inject()` in tests, `pnpm kata serve 06` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('06-task-queue', 7, 'buildServer(…)');
}
