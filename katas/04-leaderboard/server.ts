import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';
import { NotImplementedError } from '../not-implemented-error.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:04-leaderboard:`. */
  prefix?: string;
  /** Which day and week it is, in ms since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/**
 * Step 7. The kata's HTTP service: the routes of README.md, "HTTP contract", on your
 * leaderboard. Start from `createKataServer` (server-kit/). Never listens by itself:
 * `app.inject()` in tests, `pnpm kata serve 04` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('04-leaderboard', 7, 'buildServer(…)');
}
