import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';
import { NotImplementedError } from '../not-implemented-error.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:08-distributed-lock:`. */
  prefix?: string;
  /** Three independent Redis instances (`REDLOCK_URLS`): `/locks` then uses Redlock with a quorum of 2. */
  redlock?: RedisAdapter[];
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/**
 * Step 8. The kata's HTTP service: `POST /locks/:resource?holdMs=`, `POST /bookings` and
 * `GET /bookings/:resource`. Start from `createKataServer` (server-kit/) and add the routes
 * of README.md, "HTTP contract". Never listens by itself: `app.inject()` in tests,
 * `pnpm kata serve 08` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('08-distributed-lock', 8, 'buildServer(…)');
}
