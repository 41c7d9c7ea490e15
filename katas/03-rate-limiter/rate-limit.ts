/**
 * Provided: you do not need to edit this file.
 *
 * The types every limiter of this kata shares. Nothing to write here; your
 * files import from it.
 */
import type { RedisAdapter } from '../../adapters/redis-adapter.js';

/** The three algorithms, as the server's `?algorithm=` names them. */
export const ALGORITHMS = ['fixed-window', 'sliding-log', 'token-bucket'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** How much traffic one id may send. */
export interface RateLimitRule {
  /** Requests allowed per window; for the token bucket, its capacity. An integer ≥ 1. */
  limit: number;
  /** The window in milliseconds; for the token bucket, the time it takes to refill from empty to full. An integer ≥ 1. */
  windowMs: number;
}

/** The answer to one check. */
export interface RateLimitResult {
  /** Whether this request may go ahead. */
  allowed: boolean;
  /**
   * What the limit has counted, this request included: requests in the window (the fixed
   * window counts denied ones too, so it may exceed `limit`), or tokens in use.
   */
  count: number;
  /** The rule's limit. */
  limit: number;
  /** How many more requests would be allowed right now: `limit - count`, never below 0. */
  remaining: number;
  /**
   * Milliseconds until `remaining` goes up again: the end of the fixed window, the moment
   * the oldest logged request leaves the sliding window, the next token. On a denied
   * check, how long to wait before a retry can succeed. Always > 0 after a check.
   */
  resetMs: number;
}

/** What every limiter factory takes: a Redis connection and the prefix of its keys. */
export interface LimiterOptions {
  redis: RedisAdapter;
  /** Prefix of every key this limiter writes, e.g. `app:rl:fixed-window:`. */
  namespace: string;
}

/** One algorithm, keeping its state in Redis: every instance of the app shares the same limits. */
export interface RateLimiter {
  readonly algorithm: Algorithm;
  readonly namespace: string;
  /** The Redis key of `id`'s state: the namespace, then the id. */
  keyFor(id: string): string;
  /** Counts one request of `id` against `rule`. Exactly one round trip to Redis. */
  check(id: string, rule: RateLimitRule): Promise<RateLimitResult>;
}

/** Who a request counts against: its client IP, or its user (`x-user-id`, else its IP). */
export type LimitBy = 'ip' | 'user';

/** What a route may change of the plugin's defaults: `app.rateLimit({ limit: 1, policy: 'strict' })`. */
export interface RouteRateLimitOptions {
  limit?: number;
  windowMs?: number;
  algorithm?: Algorithm;
  by?: LimitBy;
  /**
   * The policy name in the RateLimit fields, and part of the key: routes with different
   * rules need different names, or they would share one counter. Default `default`.
   */
  policy?: string;
}

/** The options of the Fastify plugin (step 4). */
export interface RateLimitPluginOptions extends RouteRateLimitOptions {
  redis: RedisAdapter;
  /** Prefix of every key the plugin writes, e.g. `app:rl:`. */
  namespace: string;
  limit: number;
  windowMs: number;
  /**
   * When Redis is down: `false` (the default) fails closed, the limited route answers 503
   * `redis_unavailable`; `true` fails open, the request goes ahead unlimited (and is logged).
   */
  failOpen?: boolean;
}
