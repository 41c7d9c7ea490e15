import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RedisAdapter } from '../adapters/redis-adapter.js';
import { kataErrorHandler, kataNotFoundHandler } from './error-handler.js';
import { healthPlugin } from './health.js';
import { HTTP_LIMITS, type HttpLimits, httpLimitOptions } from './http-limits.js';
import { type KataLoggerOption, kataChildLogger, kataLoggerOptions } from './logger.js';
import { openApiPlugin } from './openapi.js';
import { kataSerializerCompiler } from './response-serializer.js';
import { routeDeadlinePlugin } from './route-deadline.js';

/** A Fastify instance whose routes take zod schemas (typed `request.body`, `reply.send`). */
export type KataServer = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface KataServerOptions {
  /** The Redis `/health` pings. The server never closes it: whoever opened it does. */
  redis: RedisAdapter;
  /** The OpenAPI title, e.g. `01 · simple cache`. */
  title: string;
  /** The OpenAPI description: what this service does. */
  description: string;
  /** Fastify's `logger` option; secrets are redacted. Default: silent. */
  logger?: KataLoggerOption;
  /** Changes to the request limits of SERVER-RULES.md (`HTTP_LIMITS`), e.g. a shorter request timeout in a spec. */
  limits?: Partial<HttpLimits>;
}

/**
 * What every kata server starts from: zod validation and serialisation, the shared error
 * answers, OpenAPI at `/docs/json` with Swagger UI at `/docs`, `GET /health`, and the
 * limits of SERVER-RULES.md (an 800 ms route deadline, request and idle timeouts).
 * Add the kata's routes to the returned instance. It never listens by itself.
 */
export async function createKataServer(options: KataServerOptions): Promise<KataServer> {
  const app = Fastify({
    ...httpLimitOptions(options.limits),
    logger: kataLoggerOptions(options.logger),
    // Silent servers keep Fastify's default: no child logger per request at all.
    childLoggerFactory: options.logger ? kataChildLogger : undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(kataSerializerCompiler);
  app.setErrorHandler(kataErrorHandler);
  app.setNotFoundHandler(kataNotFoundHandler);
  await app.register(routeDeadlinePlugin, {
    deadlineMs: options.limits?.routeDeadlineMs ?? HTTP_LIMITS.routeDeadlineMs,
  });
  await app.register(openApiPlugin, { title: options.title, description: options.description });
  await app.register(healthPlugin, { redis: options.redis });
  return app;
}
