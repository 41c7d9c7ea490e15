/**
 * HTTP errors, declared once. A route throws one (`throw new NotFoundError('No user "u9".')`)
 * and the error handler answers `{ error: code, message }` with its status. Katas declare
 * their own with `defineHttpError('cart_empty', 409, 'The cart is empty.')`, like Fastify's
 * `createError(code, message, status)` from `@fastify/error`.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  /** The `error` field of the JSON body: a stable, machine-readable word. */
  readonly code: string;
  readonly statusCode: number;
  /** The body's `details`, when there is more to say (which inputs failed, and why). */
  readonly details: unknown;

  constructor(code: string, statusCode: number, message: string, options?: ErrorOptions & { details?: unknown }) {
    // A 4xx is an answer to the client, not a fault: the log gets its name and message,
    // never a stack. Capturing one anyway cost ≈11 µs per 429 on this machine, a quarter
    // of what a rate-limited request costs (`pnpm bench 03`), so none is captured.
    const stackTraceLimit = Error.stackTraceLimit;
    if (statusCode < 500) Error.stackTraceLimit = 0;
    super(message, options);
    Error.stackTraceLimit = stackTraceLimit;
    this.code = code;
    this.statusCode = statusCode;
    this.details = options?.details;
  }
}

/** An `HttpError` class with a fixed code, status and default message. */
export type HttpErrorClass = new (message?: string, options?: ErrorOptions) => HttpError;

export function defineHttpError(code: string, statusCode: number, defaultMessage: string): HttpErrorClass {
  return class extends HttpError {
    constructor(message: string = defaultMessage, options?: ErrorOptions) {
      super(code, statusCode, message, options);
    }
  };
}

/** One input that failed validation, as `details` lists it (the same shape zod's failures get). */
export interface InvalidInput {
  /** Where the input was: `body`, `querystring`, `params` or `headers`. */
  in: string;
  /** Which input, e.g. `/x-user-id`. */
  path: string;
  message: string;
}

/**
 * 400 `validation_error` for input a route checks itself, outside its zod schema (a hook
 * that runs before validation, for instance), in the same shape as zod's failures.
 */
export class ValidationError extends HttpError {
  constructor(message: string, invalid: InvalidInput[]) {
    super('validation_error', 400, message, { details: invalid });
  }
}

export const BadRequestError = defineHttpError('bad_request', 400, 'The request is not valid.');
export const UnauthorizedError = defineHttpError('unauthorized', 401, 'Log in first.');
export const NotFoundError = defineHttpError('not_found', 404, 'Nothing here.');
export const ConflictError = defineHttpError('conflict', 409, 'The resource changed meanwhile; try again.');
export const TooManyRequestsError = defineHttpError('too_many_requests', 429, 'Too many requests; slow down.');
