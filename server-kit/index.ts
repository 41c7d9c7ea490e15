/** What every kata server shares. Each piece lives in its own file; this one only re-exports. */
export { createKataServer, type KataServer, type KataServerOptions } from './create-kata-server.js';
export { type ErrorBody, errorBodySchema, errorResponses } from './error-body.js';
export { kataErrorHandler, kataNotFoundHandler, toErrorAnswer } from './error-handler.js';
export { type HealthOptions, healthPlugin } from './health.js';
export {
  BadRequestError,
  ConflictError,
  defineHttpError,
  HttpError,
  type HttpErrorClass,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
} from './http-errors.js';
export { ID_PATTERN, idSchema } from './id-schema.js';
export { type KataLoggerOption, kataLoggerOptions, REDACTED_PATHS } from './logger.js';
export { type OpenApiOptions, openApiPlugin } from './openapi.js';
export { pingRedis } from './ping-redis.js';
