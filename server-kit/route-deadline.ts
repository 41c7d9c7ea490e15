import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from './http-errors.js';

export interface RouteDeadlineOptions {
  /** Milliseconds a route has to answer, counted once the request has fully arrived. */
  deadlineMs: number;
}

/** The route did not answer in time: the error handler answers 503 `redis_unavailable`, reason `timeout`. */
export class RouteDeadlineError extends Error {
  override name = 'RouteDeadlineError';
  readonly code = 'KATA_ROUTE_DEADLINE';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's own deadline in ms, instead of the server's (e.g. a route doing CPU work). */
    deadlineMs?: number;
  }
}

const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
/** Requests already answered 503 by their deadline. */
const expired = new WeakSet<FastifyRequest>();

/**
 * The whole answer in time, whatever the adapter's command deadline: a route that has not
 * answered `deadlineMs` after its request arrived (hooks included) answers 503. The clock
 * starts when the request has fully arrived, so a slow upload is the request timeout's
 * business (408), never a 503. A handler that finishes after its deadline is ignored
 * quietly: its answer was already given.
 */
function routeDeadline(app: FastifyInstance, { deadlineMs }: RouteDeadlineOptions, done: (error?: Error) => void) {
  const arm = (request: FastifyRequest, reply: FastifyReply) => {
    const ms = request.routeOptions.config.deadlineMs ?? deadlineMs;
    clearTimeout(timers.get(request));
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      expired.add(request);
      reply.send(new RouteDeadlineError(`No answer within ${ms} ms.`));
    }, ms);
    timers.set(request, timer);
  };
  const hasBody = (request: FastifyRequest) =>
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

  app.addHook('onRequest', async (request, reply) => {
    if (!hasBody(request)) arm(request, reply);
  });
  app.addHook('preValidation', async (request, reply) => {
    if (hasBody(request)) arm(request, reply);
  });
  const disarm = async (request: FastifyRequest) => clearTimeout(timers.get(request));
  app.addHook('onResponse', disarm);
  app.addHook('onRequestAbort', disarm);

  // Async handlers only: a callback-style handler (a static file stream) answers by itself.
  app.addHook('onRoute', (route: RouteOptions) => {
    const handler = route.handler;
    if (handler.constructor.name !== 'AsyncFunction') return;
    route.handler = async function deadlineAware(this: FastifyInstance, request, reply) {
      try {
        const result = await handler.call(this, request, reply);
        return expired.has(request) ? undefined : result;
      } catch (error) {
        if (!expired.has(request)) throw error;
        const reason = error instanceof HttpError ? error.code : (error as Error).message;
        request.log.info({ reason }, 'the route finished after its deadline; its answer was already given');
        return undefined;
      }
    };
  });
  done();
}

export const routeDeadlinePlugin = fp(routeDeadline, { name: 'kata-route-deadline', fastify: '5.x' });
