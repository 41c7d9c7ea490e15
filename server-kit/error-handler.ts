import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from './error-body.js';
import { loggableError } from './error-log.js';
import { clientErrorCode } from './framework-errors.js';
import { HttpError } from './http-errors.js';
import { redisTrouble, redisTroubleOf } from './redis-trouble.js';

/** An error turned into an HTTP answer: status, body, and the headers it needs. */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

/**
 * The one place errors become HTTP answers, the same in every kata:
 * - invalid input (zod) → 400 `validation_error`, with the failing inputs in `details`;
 * - a declared `HttpError` → its status, code and details;
 * - Redis trouble that is not the app's fault (down, too slow, OOM, BUSY, LOADING,
 *   MASTERDOWN, READONLY, MISCONF) → 503 `redis_unavailable` with `Retry-After` and
 *   `details.reason`; so is a route that has not answered within its deadline;
 * - a starter function not written yet → 501 `not_implemented`, naming the step;
 * - Fastify's own 4xx (malformed JSON, bad URL encoding, wrong content type, body too
 *   large) → that status, with a stable code;
 * - anything else → 500, logged (paths relative to the project) but answered without internals.
 */
export function kataErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, headers } = toErrorAnswer(error);
  if (status >= 500 && status !== 503) request.log.error({ err: loggableError(error) }, 'request failed');
  else request.log.info({ err: { name: error.name, message: error.message } }, `answered ${status}`);
  if (headers) reply.headers(headers);
  return reply.code(status).send(body);
}

export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      status: 400,
      body: {
        error: 'validation_error',
        message: error.message,
        details: error.validation.map((issue) => ({
          in: error.validationContext,
          path: issue.instancePath,
          message: issue.message,
        })),
      },
    };
  }
  if (error instanceof HttpError) {
    const body: ErrorBody = { error: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    return { status: error.statusCode, body };
  }
  const trouble = isRouteTimeout(error) ? redisTrouble('timeout') : redisTroubleOf(error);
  if (trouble) {
    return {
      status: 503,
      body: { error: 'redis_unavailable', message: trouble.message, details: { reason: trouble.reason } },
      headers: { 'retry-after': String(trouble.retryAfterSeconds) },
    };
  }
  if (error instanceof Error && error.name === 'NotImplementedError') {
    return { status: 501, body: { error: 'not_implemented', message: error.message } };
  }
  if (isClientError(error)) {
    return {
      status: error.statusCode,
      body: { error: clientErrorCode(error.statusCode, error.code), message: error.message },
    };
  }
  if (error instanceof Error && 'method' in error && isResponseSerializationError(error)) {
    return {
      status: 500,
      body: { error: 'internal_error', message: "The response did not match the route's schema." },
    };
  }
  return {
    status: 500,
    body: { error: 'internal_error', message: 'Something went wrong; the server log has the details.' },
  };
}

/** The route deadline fired (route-deadline.ts, or Fastify's own `handlerTimeout`): the route did not answer in time. */
function isRouteTimeout(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return code === 'KATA_ROUTE_DEADLINE' || code === 'FST_ERR_HANDLER_TIMEOUT';
}

/** Fastify's own request errors (FST_ERR_CTP_INVALID_JSON_BODY, …) carry a 4xx `statusCode`. */
function isClientError(error: unknown): error is Error & { statusCode: number; code?: string } {
  if (!(error instanceof Error) || !('statusCode' in error)) return false;
  const { statusCode } = error as { statusCode: unknown };
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/** Unknown routes: 404 in the same shape as every other error. */
export function kataNotFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .send({ error: 'not_found', message: `No route ${request.method} ${request.url}; see /docs.` } satisfies ErrorBody);
}
