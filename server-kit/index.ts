/** What every kata server shares. Each piece lives in its own file; this one only re-exports. */
export { createKataServer, type KataServer, type KataServerOptions } from './create-kata-server.js';
export { type ErrorBody, errorBodySchema, errorResponses } from './error-body.js';
export { type ErrorAnswer, kataErrorHandler, kataNotFoundHandler, toErrorAnswer } from './error-handler.js';
export { type HealthOptions, healthPlugin } from './health.js';
export {
  BadRequestError,
  ConflictError,
  defineHttpError,
  HttpError,
  type HttpErrorClass,
  type InvalidInput,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from './http-errors.js';
export { HTTP_LIMITS, type HttpLimits, httpLimitOptions } from './http-limits.js';
export { ID_PATTERN, idSchema } from './id-schema.js';
export { type KataLoggerOption, kataLoggerOptions, REDACTED_PATHS } from './logger.js';
export { type OpenApiOptions, openApiPlugin } from './openapi.js';
export { pingRedis } from './ping-redis.js';
export { HEALTH_PROBE_KEY, probeRedis, type RedisHealth } from './probe-redis.js';
export {
  REDIS_TROUBLE_REASONS,
  type RedisTrouble,
  type RedisTroubleReason,
  redisTrouble,
  redisTroubleOf,
} from './redis-trouble.js';
