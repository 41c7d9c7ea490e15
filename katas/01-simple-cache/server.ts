import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';
import { NotImplementedError } from '../not-implemented-error.js';
import type { UserSource } from './user-source.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:01-simple-cache:`. */
  prefix?: string;
  /** The slow source behind `/users`. Default: the sample users, answering after `latencyMs`. */
  source?: UserSource;
  /** Latency of the default source. Default 50 ms. */
  latencyMs?: number;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/**
 * Step 7. The kata's HTTP service: a key/value cache API and a users API cached in front of
 * a slow source. Start from `createKataServer` (server-kit/) and add the routes of README.md,
 * "Step 7". Never listens by itself: `app.inject()` in tests, `pnpm kata serve 01` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('01-simple-cache', 7, 'buildServer(…)');
}
