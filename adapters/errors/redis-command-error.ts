import { RedisError } from './redis-error.js';

/**
 * Redis answered a command with an error reply (`-WRONGTYPE …`, `-ERR …`).
 * `code` is the reply's first word: `WRONGTYPE`, `NOSCRIPT`, `ERR`, `EXECABORT`, …
 * The connection is fine; the command was wrong for the data it met.
 */
export class RedisCommandError extends RedisError {
  override name = 'RedisCommandError';
  readonly code: string;
  readonly command: string | undefined;

  constructor(code: string, message: string, command?: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.command = command;
  }
}

/** The key holds another type than the command works on (`-WRONGTYPE`). */
export class WrongTypeError extends RedisCommandError {
  override name = 'WrongTypeError';
}

/** EVALSHA named a script the server does not have (`-NOSCRIPT`). Adapters reload and retry by themselves. */
export class NoScriptError extends RedisCommandError {
  override name = 'NoScriptError';
}
