import { NoScriptError, RedisCommandError, WrongTypeError } from '../errors/redis-command-error.js';

/**
 * Turns an error reply's text (`WRONGTYPE Operation against a key …`) into the matching
 * error class, by its first word, never by the client's error class.
 */
export function classifyReplyError(message: string, command?: string, cause?: unknown): RedisCommandError {
  const code = /^([A-Z][A-Z_]+)\b/.exec(message)?.[1] ?? 'ERR';
  const options = cause === undefined ? undefined : { cause };
  if (code === 'WRONGTYPE') return new WrongTypeError(code, message, command, options);
  if (code === 'NOSCRIPT') return new NoScriptError(code, message, command, options);
  return new RedisCommandError(code, message, command, options);
}
