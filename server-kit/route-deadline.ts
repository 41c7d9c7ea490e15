import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preValidationHookHandler,
  RouteOptions,
} from 'fastify';
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

/** A request's deadline: its timer, and whether it fired (the 503 was already sent). */
interface DeadlineState {
  timer: NodeJS.Timeout | undefined;
  expired: boolean;
}

const deadlineOf = Symbol('kata route deadline');
type WithDeadline = FastifyRequest & { [deadlineOf]?: DeadlineState };

const stateOf = (request: FastifyRequest): DeadlineState | undefined => (request as WithDeadline)[deadlineOf];
const hasExpired = (request: FastifyRequest): boolean => stateOf(request)?.expired === true;
const toArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Fastify never reads a body for these: their request has fully arrived once its head has. */
const BODYLESS_METHODS = new Set(['GET', 'HEAD']);
const isBodyless = (method: string | string[]) =>
  Array.isArray(method) ? method.every((one) => BODYLESS_METHODS.has(one)) : BODYLESS_METHODS.has(method);

/**
 * The whole answer in time, whatever the adapter's command deadline: a route that has not
 * answered `deadlineMs` after its request arrived (hooks included) answers 503. The clock
 * starts when the request has fully arrived, so a slow upload is the request timeout's
 * business (408), never a 503. A handler that finishes after its deadline is ignored
 * quietly: its answer was already given. A client that went away gets no answer at all.
 *
 * This runs on every request, so it costs as little as it can: callback-style hooks (no
 * promise per hook), each route's deadline read once, when the route is declared (not from
 * `request.routeOptions`, which builds an object per call), the state on the request itself
 * (no WeakMap lookups), no hook a request does not need (a GET has no body to wait for),
 * and no listener per request for aborted requests (the timer checks the socket when it fires).
 */
function routeDeadline(app: FastifyInstance, { deadlineMs }: RouteDeadlineOptions, done: (error?: Error) => void) {
  const arm = (request: FastifyRequest, reply: FastifyReply, ms: number) => {
    const state: DeadlineState = { timer: undefined, expired: false };
    state.timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent || clientGone(request)) return;
      state.expired = true;
      reply.send(new RouteDeadlineError(`No answer within ${ms} ms.`));
    }, ms);
    (request as WithDeadline)[deadlineOf] = state;
  };
  const hasBody = (request: FastifyRequest) =>
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  const clientGone = (request: FastifyRequest) => request.raw.destroyed || request.raw.socket?.destroyed === true;

  // Each route arms its own clock, its deadline known when it is declared: first of its
  // onRequest hooks, or, when a body comes, first of its preValidation hooks.
  app.addHook('onRoute', (route: RouteOptions) => {
    const ms = route.config?.deadlineMs ?? deadlineMs;
    if (isBodyless(route.method)) {
      const armNow: onRequestHookHandler = (request, reply, next) => {
        arm(request, reply, ms);
        next();
      };
      route.onRequest = [armNow, ...toArray(route.onRequest)];
      return;
    }
    const armUnlessABodyComes: onRequestHookHandler = (request, reply, next) => {
      if (!hasBody(request)) arm(request, reply, ms);
      next();
    };
    const armOnceTheBodyArrived: preValidationHookHandler = (request, reply, next) => {
      if (hasBody(request)) arm(request, reply, ms);
      next();
    };
    route.onRequest = [armUnlessABodyComes, ...toArray(route.onRequest)];
    route.preValidation = [armOnceTheBodyArrived, ...toArray(route.preValidation)];
  });
  app.addHook('onResponse', (request, _reply, next) => {
    clearTimeout(stateOf(request)?.timer);
    next();
  });

  // Async handlers only: a callback-style handler (a static file stream) answers by itself.
  app.addHook('onRoute', (route: RouteOptions) => {
    const handler = route.handler;
    if (handler.constructor.name !== 'AsyncFunction') return;
    route.handler = async function deadlineAware(this: FastifyInstance, request, reply) {
      try {
        const result = await handler.call(this, request, reply);
        return hasExpired(request) ? undefined : result;
      } catch (error) {
        if (!hasExpired(request)) throw error;
        const reason = error instanceof HttpError ? error.code : (error as Error).message;
        request.log.info({ reason }, 'the route finished after its deadline; its answer was already given');
        return undefined;
      }
    };
  });
  done();
}

export const routeDeadlinePlugin = fp(routeDeadline, { name: 'kata-route-deadline', fastify: '5.x' });
