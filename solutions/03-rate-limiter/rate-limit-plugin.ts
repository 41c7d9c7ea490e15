import type { FastifyPluginAsync, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { RedisUnavailableError } from '../../adapters/errors/index.js';
import {
  ALGORITHMS,
  type Algorithm,
  type LimitBy,
  type LimiterOptions,
  type RateLimiter,
  type RateLimitPluginOptions,
  type RateLimitResult,
  type RouteRateLimitOptions,
} from '../../katas/03-rate-limiter/rate-limit.js';
import { ID_PATTERN, TooManyRequestsError, ValidationError } from '../../server-kit/index.js';
import { createFixedWindowScript } from './fixed-window-script.js';
import { createSlidingLog } from './sliding-log.js';
import { createTokenBucket } from './token-bucket.js';

export type { RateLimitPluginOptions, RouteRateLimitOptions };

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

/** Given: the limiter of `algorithm`; the fixed window in its production form, one script. */
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

/** The rule a route runs with, parsed by zod once, when the route is declared, not on every request. */
const ruleSchema = z.object({
  limit: z.number().int().min(1),
  windowMs: z.number().int().min(1),
  algorithm: z.enum(ALGORITHMS).default('fixed-window'),
  by: z.enum(['ip', 'user']).default('ip'),
  policy: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a policy name is 1–64 of A–Z, a–z, 0–9, _ or -')
    .default('default'),
});
type Rule = z.infer<typeof ruleSchema>;

const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * Who the request counts against, in the order they are checked: always its IP; with
 * `by: 'user'` and an `x-user-id`, that user too, on top. `x-user-id` stands in for a real
 * login (kata 02's session) and proves nothing, so it never replaces the IP: a client that
 * made up a new id per request would get a fresh quota each time. A malformed one is a 400.
 */
function partitionsOf(request: FastifyRequest, by: LimitBy): string[] {
  const ip = `ip:${request.ip}`;
  const user = request.headers['x-user-id'];
  if (by === 'ip' || user === undefined) return [ip];
  if (typeof user !== 'string' || !ID_PATTERN.test(user)) {
    throw new ValidationError('x-user-id must be 1–64 characters of A–Z, a–z, 0–9, _ or -.', [
      { in: 'headers', path: '/x-user-id', message: 'must be 1–64 characters of A–Z, a–z, 0–9, _ or -' },
    ]);
  }
  return [ip, `user:${user}`];
}

/** Checks each partition in turn, stopping at the first denial; the answer is the tightest check. */
async function checkAll(limiter: RateLimiter, rule: Rule, partitions: string[]): Promise<RateLimitResult> {
  let tightest: RateLimitResult | undefined;
  for (const partition of partitions) {
    const result = await limiter.check(`${rule.policy}:${partition}`, rule);
    if (!tightest || !result.allowed || result.remaining < tightest.remaining) tightest = result;
    if (!result.allowed) break;
  }
  return tightest as RateLimitResult;
}

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-11): the policy
 * (quota `q`, window `w` in whole seconds, at least 1) and the service limit (`r` requests
 * remaining, `t` seconds within which no more than `r` may be used).
 */
function setRateLimitFields(reply: FastifyReply, rule: Rule, result: RateLimitResult): void {
  reply.header('RateLimit-Policy', `"${rule.policy}";q=${rule.limit};w=${Math.max(1, seconds(rule.windowMs))}`);
  reply.header('RateLimit', `"${rule.policy}";r=${result.remaining};t=${seconds(result.resetMs)}`);
}

const isRedisDown = (error: unknown) =>
  error instanceof RedisUnavailableError || (error instanceof Error && error.name === 'RedisUnavailableError');

/**
 * Limits the routes that ask for it (`onRequest: app.rateLimit()`), per IP or per user,
 * with any of the three algorithms. A limited response carries `RateLimit-Policy` and
 * `RateLimit`; a 429 also `Retry-After` in whole seconds, at least 1. One Redis round trip
 * per request. Routes that do not ask are not limited (`/health`, `/docs`).
 */
const rateLimit: FastifyPluginAsync<RateLimitPluginOptions> = async (app, options) => {
  const { redis, namespace, failOpen = false, ...defaults } = options;
  ruleSchema.parse(defaults);
  const limiters = new Map(
    ALGORITHMS.map((algorithm) => [
      algorithm,
      createLimiter(algorithm, { redis, namespace: `${namespace}${algorithm}:` }),
    ]),
  );

  app.decorateRequest('rateLimit', null);
  app.decorate('rateLimit', (overrides: RouteRateLimitOptions = {}): onRequestAsyncHookHandler => {
    const rule = ruleSchema.parse({ ...defaults, ...overrides });
    const limiter = limiters.get(rule.algorithm) as RateLimiter;

    return async (request, reply) => {
      const partitions = partitionsOf(request, rule.by);
      let result: RateLimitResult;
      try {
        result = await checkAll(limiter, rule, partitions);
      } catch (error) {
        if (!(failOpen && isRedisDown(error))) throw error;
        request.log.warn({ policy: rule.policy }, 'Redis is down: rate limit not applied (failOpen)');
        return;
      }
      request.rateLimit = result;
      setRateLimitFields(reply, rule, result);
      if (!result.allowed) {
        const retryAfter = Math.max(1, seconds(result.resetMs));
        reply.header('Retry-After', String(retryAfter));
        throw new TooManyRequestsError(
          `Rate limit of ${rule.limit} per ${rule.windowMs} ms reached; retry in ${retryAfter} s.`,
        );
      }
    };
  });
};

export const rateLimitPlugin = fp(rateLimit, { name: 'kata-rate-limit', fastify: '5.x' });
