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

  constructor(code: string, statusCode: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.statusCode = statusCode;
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

export const BadRequestError = defineHttpError('bad_request', 400, 'The request is not valid.');
export const UnauthorizedError = defineHttpError('unauthorized', 401, 'Log in first.');
export const NotFoundError = defineHttpError('not_found', 404, 'Nothing here.');
export const ConflictError = defineHttpError('conflict', 409, 'The resource changed meanwhile; try again.');
export const TooManyRequestsError = defineHttpError('too_many_requests', 429, 'Too many requests; slow down.');
