import type { FastifyInstance } from 'fastify';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';
import { NotImplementedError } from '../not-implemented-error.js';
import type { CheckoutStrategy } from './cart.js';

export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:05-shopping-cart:`. */
  prefix?: string;
  /** Seconds an untouched cart lives. Default: the `CART_TTL_S` environment variable, else 604 800 (7 days). */
  cartTtlSeconds?: number;
  /** How `POST /carts/:cartId/checkout` is made atomic. Default `'script'`. */
  checkout?: CheckoutStrategy;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
}

/**
 * Step 7. The kata's HTTP service: the catalogue, user profiles, carts, checkout and
 * merge (README.md, "HTTP contract"). Start from `createKataServer` (server-kit/), with
 * the schemas of `http-schemas.ts`. Never listens by itself: `app.inject()` in tests,
 * `pnpm kata serve 05` for curl.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  void options;
  throw new NotImplementedError('05-shopping-cart', 7, 'buildServer(…)');
}
