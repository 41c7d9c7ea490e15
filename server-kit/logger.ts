import type { FastifyServerOptions } from 'fastify';

/** What `createKataServer({ logger })` accepts: Fastify's own `logger` option. */
export type KataLoggerOption = FastifyServerOptions['logger'];

/**
 * Paths pino replaces with `[redacted]`: credentials in headers and in any logged object,
 * one level deep (`*.password`) and at the top.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'token',
  'sessionToken',
  '*.password',
  '*.token',
  '*.sessionToken',
  '*.secret',
];

/** Fastify's logger options with secrets redacted. `false`/`undefined`: silent (tests). */
export function kataLoggerOptions(logger: KataLoggerOption): KataLoggerOption {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { level: 'info', ...base, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}
