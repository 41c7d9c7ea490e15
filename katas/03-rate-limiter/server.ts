import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';
import { NotImplementedError } from '../not-implemented-error.js';
import type { RouteRateLimitOptions } from './rate-limit.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:03-rate-limiter:`. */
  prefix?: string;
  /** The rule of `GET /api/limited`. Default: 5 requests per 10 s, fixed window, per IP, and per user (`x-user-id`) on top. */
  limited?: RouteRateLimitOptions;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/**
 * Step 5. The kata's HTTP service: `GET /rate-limit/check` and `GET /api/limited`. Start
 * from `createKataServer` (server-kit/) and add the routes of README.md, "Step 5". Never
 * listens by itself: `app.inject()` in tests, `pnpm kata serve 03` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('03-rate-limiter', 5, 'buildServer(…)');
}
