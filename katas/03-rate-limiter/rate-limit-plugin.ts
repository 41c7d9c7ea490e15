import type { FastifyPluginAsync, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { NotImplementedError } from '../not-implemented-error.js';
import { createFixedWindowScript } from './fixed-window-script.js';
import type {
  Algorithm,
  LimiterOptions,
  RateLimiter,
  RateLimitPluginOptions,
  RateLimitResult,
  RouteRateLimitOptions,
} from './rate-limit.js';
import { createSlidingLog } from './sliding-log.js';
import { createTokenBucket } from './token-bucket.js';

export type { RateLimitPluginOptions, RouteRateLimitOptions };

// What the plugin adds to Fastify's types: keep it as it is.
declare module 'fastify' {
  interface FastifyInstance {
    /**
     * An `onRequest` hook that limits the route it is given to, with the plugin's rule or
     * `overrides`: `app.get('/x', { onRequest: app.rateLimit() }, handler)`.
     */
    rateLimit(overrides?: RouteRateLimitOptions): onRequestAsyncHookHandler;
  }
  interface FastifyRequest {
    /** The check of this request on a limited route; `null` elsewhere. */
    rateLimit: RateLimitResult | null;
  }
}

/** Given: the limiter of `algorithm`, from your steps 1–3 (the fixed window in its production form, the script). */
export function createLimiter(algorithm: Algorithm, options: LimiterOptions): RateLimiter {
  switch (algorithm) {
    case 'fixed-window':
      return createFixedWindowScript(options);
    case 'sliding-log':
      return createSlidingLog(options);
    case 'token-bucket':
      return createTokenBucket(options);
  }
}

/**
 * Step 4. Decorates the app with `rateLimit(overrides?)`, which returns an `onRequest`
 * hook limiting the route it is given to: per IP or per user, the RateLimit header
 * fields on every limited response, 429 with `Retry-After` when over the limit. Read
 * README.md, "Step 4", then replace the `throw`.
 */
const rateLimit: FastifyPluginAsync<RateLimitPluginOptions> = async (app, options) => {
  void app;
  void options;
  throw new NotImplementedError('03-rate-limiter', 4, 'rateLimitPlugin');
};

export const rateLimitPlugin = fp(rateLimit, { name: 'kata-rate-limit', fastify: '5.x' });
