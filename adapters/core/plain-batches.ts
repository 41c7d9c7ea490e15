import { WatchConflictError } from '../errors/watch-conflict-error.js';
import { type ClientOutcome, execAbortError } from './batch-outcomes.js';

/** Sends one command line on the connection, in order with every other. */
export type SendLine = (args: readonly string[]) => Promise<unknown>;

/** The outcome of one command, once its reply (or error) is in. */
const settle = (reply: Promise<unknown>): Promise<ClientOutcome> =>
  reply.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

const failed = (outcome: ClientOutcome): outcome is { error: unknown } => 'error' in outcome;

/**
 * A pipeline as plain commands, all sent now (the client writes them together): one outcome
 * per command, errors included, once every reply is in.
 */
export function execPlainPipeline(commands: string[][], send: SendLine): Promise<ClientOutcome[]> {
  return Promise.all(commands.map((args) => settle(send(args))));
}

/**
 * MULTI, the commands, EXEC, sent as plain commands in one go on one connection: nothing
 * else can come in between, so Redis runs them as one transaction, without the cost of the
 * client's own transaction object. EXEC answers nil on a WATCH abort (`WatchConflictError`),
 * an array of replies (error replies among them, as `isReplyError` tells) when it ran, and
 * an error when Redis refused a command while queuing it (EXECABORT, with that command's
 * error).
 */
export async function execPlainMulti(
  commands: string[][],
  send: SendLine,
  isReplyError: (value: unknown) => value is Error,
): Promise<ClientOutcome[]> {
  const [started, queued, executed] = await Promise.all([
    settle(send(['MULTI'])),
    execPlainPipeline(commands, send),
    settle(send(['EXEC'])),
  ]);
  if (failed(executed)) {
    const refused = queued.find(failed);
    throw isReplyError(executed.error) && refused && isReplyError(refused.error)
      ? execAbortError(refused.error)
      : executed.error;
  }
  if (failed(started)) throw started.error;
  if (executed.value === null) throw new WatchConflictError();
  if (!Array.isArray(executed.value)) throw new TypeError(`Unexpected EXEC reply: ${JSON.stringify(executed.value)}`);
  return executed.value.map((value: unknown) => (isReplyError(value) ? { error: value } : { value }));
}
