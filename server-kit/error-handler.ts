import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { RedisUnavailableError } from '../adapters/errors/index.js';
import type { ErrorBody } from './error-body.js';
import { HttpError } from './http-errors.js';

/**
 * The one place errors become HTTP answers, the same in every kata:
 * - invalid input (zod) → 400 `validation_error`, with the failing inputs in `details`;
 * - a declared `HttpError` → its status and code;
 * - Redis away → 503 `redis_unavailable`;
 * - a starter function not written yet → 501 `not_implemented`, naming the step;
 * - Fastify's own 4xx (malformed JSON, wrong content type) → that status;
 * - anything else → 500, logged in full but answered without internals.
 */
export function kataErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = toErrorAnswer(error);
  if (status >= 500 && status !== 503) request.log.error({ err: error }, 'request failed');
  else request.log.info({ err: { name: error.name, message: error.message } }, `answered ${status}`);
  return reply.code(status).send(body);
}

export function toErrorAnswer(error: unknown): { status: number; body: ErrorBody } {
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
  if (error instanceof HttpError)
    return { status: error.statusCode, body: { error: error.code, message: error.message } };
  if (isNamed(error, 'RedisUnavailableError') || error instanceof RedisUnavailableError) {
    return { status: 503, body: { error: 'redis_unavailable', message: 'Redis is unavailable; try again shortly.' } };
  }
  if (isNamed(error, 'NotImplementedError')) {
    return { status: 501, body: { error: 'not_implemented', message: (error as Error).message } };
  }
  if (isClientError(error)) {
    return { status: error.statusCode, body: { error: 'bad_request', message: error.message } };
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

function isNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/** Fastify's own request errors (FST_ERR_CTP_INVALID_JSON_BODY, …) carry a 4xx `statusCode`. */
function isClientError(error: unknown): error is Error & { statusCode: number } {
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
