import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { createDeadlineQueue, type Deadline, type DeadlineQueue } from '../adapters/core/deadline-queue.js';
import { realNow } from '../adapters/core/real-timers.js';
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

/** A request whose clock runs: its reply, its deadline (a `realNow` time), and whether it fired. */
interface Armed extends Deadline {
  readonly reply: FastifyReply;
  readonly ms: number;
  /** Settled in time (the handler finished, or an error is being answered): nothing left to do. */
  settled: boolean;
  /** The deadline passed first: the 503 was sent, whatever the route does next is ignored. */
  expired: boolean;
}

type Hook = (request: FastifyRequest, reply: FastifyReply, next: () => void) => void;

const armedOf = Symbol('kata route deadline');
type WithDeadline = FastifyRequest & { [armedOf]?: Armed };

const armedFor = (request: FastifyRequest): Armed | undefined => (request as WithDeadline)[armedOf];

/** Whether a body is on its way: then the clock starts once it has arrived (preValidation), not on arrival. */
const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** Methods whose body Fastify reads before validation; for the others (GET, HEAD…) it never waits. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'QUERY']);
const takesBody = (route: RouteOptions) =>
  (Array.isArray(route.method) ? route.method : [route.method]).some((method) => BODY_METHODS.has(method));

/** Puts `hook` in front of the route's own hooks of that kind. */
function prepend(route: RouteOptions, kind: 'onRequest' | 'preValidation', hook: Hook): void {
  const own = route[kind];
  route[kind] = (own === undefined ? [hook] : [hook, ...(Array.isArray(own) ? own : [own])]) as never;
}

/**
 * The whole answer in time, whatever the adapter's command deadline: a route that has not
 * answered `deadlineMs` after its request arrived (hooks included) answers 503. The clock
 * starts when the request has fully arrived, so a slow upload is the request timeout's
 * business (408), never a 503. A handler that finishes after its deadline is ignored
 * quietly: its answer was already given.
 *
 * This runs on every request, so it costs as little as it can: no timer per request (the
 * requests of one deadline length fall due in the order they arrived, so one timer serves
 * them all, as for the adapters' commands), no listener per request, one hook for every
 * route (a second one only where a body may come, or the route has a deadline of its own),
 * and the state on the request itself.
 */
function routeDeadline(app: FastifyInstance, { deadlineMs }: RouteDeadlineOptions, done: (error?: Error) => void) {
  const queues = new Map<number, DeadlineQueue<Armed>>();
  const expire = (armed: Armed) => {
    const { reply } = armed;
    if (armed.settled || reply.sent || reply.raw.headersSent || reply.raw.destroyed) return;
    armed.expired = true;
    reply.send(new RouteDeadlineError(`No answer within ${armed.ms} ms.`));
  };
  const queueFor = (ms: number) => {
    let queue = queues.get(ms);
    if (!queue) {
      queue = createDeadlineQueue(expire);
      queues.set(ms, queue);
    }
    return queue;
  };

  /** Starts the request's clock (again, if it was running: a route's own deadline replaces the server's). */
  function arm(request: FastifyRequest, reply: FastifyReply, ms: number): void {
    const previous = armedFor(request);
    if (previous) settle(previous);
    const armed: Armed = { reply, ms, deadline: realNow() + ms, settled: false, expired: false };
    (request as WithDeadline)[armedOf] = armed;
    queueFor(ms).add(armed);
  }

  /** The answer is on its way: stop the clock. False when the deadline came first. */
  function settle(armed: Armed): boolean {
    if (armed.expired) return false;
    if (!armed.settled) {
      armed.settled = true;
      queueFor(armed.ms).delete(armed);
    }
    return true;
  }
  const settleRequest = (request: FastifyRequest) => {
    const armed = armedFor(request);
    return armed === undefined || settle(armed);
  };

  app.addHook('onRequest', (request, reply, next) => {
    if (!hasBody(request)) arm(request, reply, deadlineMs);
    next();
  });
  // An error is being answered (a hook's 429, a 400, the 503 itself): the clock has done its job.
  app.addHook('onError', (request, _reply, _error, next) => {
    settleRequest(request);
    next();
  });

  app.addHook('onRoute', (route: RouteOptions) => {
    const ms = route.config?.deadlineMs ?? deadlineMs;
    if (ms !== deadlineMs) {
      prepend(route, 'onRequest', (request, reply, next) => {
        if (armedFor(request)) arm(request, reply, ms);
        next();
      });
    }
    if (takesBody(route)) {
      prepend(route, 'preValidation', (request, reply, next) => {
        if (hasBody(request)) arm(request, reply, ms);
        next();
      });
    }
    // Async handlers only: a callback-style handler (a static file stream) answers by itself,
    // and its clock just runs out unused.
    const handler = route.handler;
    if (handler.constructor.name !== 'AsyncFunction') return;
    route.handler = function deadlineAware(this: FastifyInstance, request, reply) {
      return (handler.call(this, request, reply) as Promise<unknown>).then(
        (result) => (settleRequest(request) ? result : undefined),
        (error: unknown) => {
          if (settleRequest(request)) throw error;
          const reason = error instanceof HttpError ? error.code : (error as Error).message;
          request.log.info({ reason }, 'the route finished after its deadline; its answer was already given');
          return undefined;
        },
      );
    };
  });
  done();
}

export const routeDeadlinePlugin = fp(routeDeadline, { name: 'kata-route-deadline', fastify: '5.x' });
