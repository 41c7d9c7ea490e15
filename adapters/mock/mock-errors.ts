import { classifyReplyError } from '../core/classify-reply-error.js';
import { WrongTypeError } from '../errors/redis-command-error.js';
import { RedisError } from '../errors/redis-error.js';
import { UnsupportedCommandError } from '../errors/unsupported-command-error.js';

/** Redis' own WRONGTYPE reply text. */
export const WRONGTYPE_MESSAGE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

/** The command's WRONGTYPE error, as Redis words it. */
export function wrongType(command: string, cause?: unknown): WrongTypeError {
  return new WrongTypeError('WRONGTYPE', WRONGTYPE_MESSAGE, command, cause === undefined ? undefined : { cause });
}

/** The error for a command the mock cannot run faithfully, with what to do instead. */
export function unsupported(command: string, hint?: string): UnsupportedCommandError {
  const next = hint ?? 'Run the katas on a real Redis: set REDIS_URL, or install redis-server (the harness starts it).';
  return new UnsupportedCommandError(`The in-memory mock (ioredis-mock) does not support ${command}. ${next}`);
}

/**
 * Turns whatever ioredis-mock threw into a `RedisError`. The mock throws plain `Error`s:
 * Redis-worded replies (`ERR syntax error`) are classified by their first word; its
 * WRONGTYPE symptoms (`Key k does not contain a list`, `map.has is not a function`) become
 * `WrongTypeError`; `Unsupported command` becomes `UnsupportedCommandError`.
 */
export function toRedisError(error: unknown, command: string): RedisError {
  if (error instanceof RedisError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Unsupported command')) return unsupported(command);
  if (/does not contain a (list|set|sorted set)|\.\w+ is not a function/.test(message))
    return wrongType(command, error);
  if (/^[A-Z][A-Z_]+ /.test(message)) return classifyReplyError(message, command, error);
  return classifyReplyError(`ERR ${message}`, command, error);
}
