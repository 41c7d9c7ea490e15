import { RedisCommandError } from '../errors/redis-command-error.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { classifyReplyError } from './classify-reply-error.js';
import type { RawOutcome } from './driver.js';
import { errorFromReply } from './error-from-reply.js';

/** A batch command's result as a client reports it, before classification. */
export type ClientOutcome = { value: unknown } | { error: unknown };

/**
 * One `RawOutcome` per command: error replies become classified errors (a command error,
 * or a refusal such as OOM). A connection failure or a timeout fails the whole batch
 * instead: it is thrown, since nothing tells which commands ran.
 */
export function toRawOutcomes(
  results: ClientOutcome[],
  commands: string[][],
  toAdapterError: (error: unknown, command: string) => Error,
): RawOutcome[] {
  if (!results.some(failed)) return results as RawOutcome[];
  return results.map((result, index) => {
    if (!('error' in result)) return result;
    const error = toAdapterError(result.error, commands[index]?.[0]?.toUpperCase() ?? 'UNKNOWN');
    if (error instanceof RedisCommandError || isRefusal(error)) return { error };
    throw error;
  });
}

const failed = (result: ClientOutcome): boolean => 'error' in result;

/** An error reply that refuses the command for now (OOM, BUSY, …): the connection is fine. */
function isRefusal(error: Error): error is RedisUnavailableError {
  return error instanceof RedisUnavailableError && error.reason !== 'connection' && error.reason !== 'timeout';
}

/**
 * The error of a MULTI that Redis refused to run because a command was rejected while
 * queued (unknown command, wrong number of arguments): code `EXECABORT`, with the queued
 * command's error in the message. Nothing ran. When the queued command was refused for
 * now (OOM on a write while Redis is full), that refusal is the error: retry later.
 */
export function execAbortError(queuedError: Error): RedisCommandError | RedisUnavailableError {
  const detail = queuedError.message.trim();
  const queued = errorFromReply(detail.replace(/^EXECABORT [^:]*: /, ''), undefined, queuedError);
  if (queued instanceof RedisUnavailableError) return queued;
  const message = detail.startsWith('EXECABORT')
    ? detail
    : `EXECABORT Transaction discarded because of previous errors: ${detail}`;
  return classifyReplyError(message, 'EXEC', queuedError);
}
