import { RedisCommandError } from '../errors/redis-command-error.js';
import { classifyReplyError } from './classify-reply-error.js';
import type { RawOutcome } from './driver.js';

/** A batch command's result as a client reports it, before classification. */
export type ClientOutcome = { value: unknown } | { error: unknown };

/**
 * One `RawOutcome` per command: error replies become classified `RedisCommandError`s.
 * A connection failure fails the whole batch instead: it is thrown, since nothing tells
 * which commands ran.
 */
export function toRawOutcomes(
  results: ClientOutcome[],
  commands: string[][],
  toAdapterError: (error: unknown, command: string) => Error,
): RawOutcome[] {
  return results.map((result, index) => {
    if (!('error' in result)) return result;
    const error = toAdapterError(result.error, commands[index]?.[0]?.toUpperCase() ?? 'UNKNOWN');
    if (!(error instanceof RedisCommandError)) throw error;
    return { error };
  });
}

/**
 * The error of a MULTI that Redis refused to run because a command was rejected while
 * queued (unknown command, wrong number of arguments): code `EXECABORT`, with the queued
 * command's error in the message. Nothing ran.
 */
export function execAbortError(queuedError: Error): RedisCommandError {
  const detail = queuedError.message.trim();
  const message = detail.startsWith('EXECABORT')
    ? detail
    : `EXECABORT Transaction discarded because of previous errors: ${detail}`;
  return classifyReplyError(message, 'EXEC', queuedError);
}
