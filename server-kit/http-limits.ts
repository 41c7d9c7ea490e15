import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';
import { clientErrorCode, parserErrorAnswer } from './framework-errors.js';

/**
 * How long and how large a request to a kata server may be. Every slow or endless request
 * is cut off, and every error on the way answers the contract's `{ error, message }`.
 */
export const HTTP_LIMITS: Readonly<{
  routeDeadlineMs: number;
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  timeoutCheckIntervalMs: number;
  idleSocketTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxParamLength: number;
  bodyLimitBytes: number;
}> = {
  /**
   * A route's whole answer, hooks included, counted once the request has arrived: 503
   * `redis_unavailable` after 800 ms, so a hung Redis is answered within 1 s with room to spare.
   */
  routeDeadlineMs: 800,
  /** The whole request (headers and body) must arrive within 10 s, else 408. */
  requestTimeoutMs: 10_000,
  /** The headers must arrive within 5 s, else 408. */
  headersTimeoutMs: 5_000,
  /** How often Node checks the two timeouts above (its default is every 30 s). */
  timeoutCheckIntervalMs: 1_000,
  /** An idle connection (no byte either way) is closed after 15 s. */
  idleSocketTimeoutMs: 15_000,
  /** A kept-alive connection waits 5 s for the next request. */
  keepAliveTimeoutMs: 5_000,
  /** A path parameter may be this long: above every key or id rule of the katas (cache keys: 200). */
  maxParamLength: 256,
  /** Bodies above 1 MiB get 413. */
  bodyLimitBytes: 1_048_576,
};

export type HttpLimits = typeof HTTP_LIMITS;

/** Fastify's options for these limits (each can be changed, e.g. shorter in a spec) and for the errors Fastify answers by itself. */
export function httpLimitOptions(changes: Partial<HttpLimits> = {}): FastifyHttpOptions<Server> {
  const limits = { ...HTTP_LIMITS, ...changes };
  return {
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleSocketTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    bodyLimit: limits.bodyLimitBytes,
    routerOptions: { maxParamLength: limits.maxParamLength },
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerParserError,
  };
}

/** Errors Fastify meets before routing (bad URL encoding, a path parameter too long): the contract's body. */
function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  reply.code(status).send({ error: clientErrorCode(status, error.code), message: error.message });
}

/** Errors of Node's HTTP parser (408, 431, malformed HTTP), answered on the raw socket in the contract's body. */
function answerParserError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = parserErrorAnswer(error.code);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${statusText(status)}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const statusText = (status: number) =>
  ({ 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' })[
    status
  ] ?? 'Bad Request';
