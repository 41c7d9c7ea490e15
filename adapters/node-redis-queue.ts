import { ErrorReply, RESP_TYPES } from 'redis';
import { type ClientOutcome, execAbortError, toRawOutcomes } from './core/batch-outcomes.js';
import type { RawOutcome } from './core/driver.js';
import { fromWire } from './core/wire-replies.js';
import { WatchConflictError } from './errors/watch-conflict-error.js';

/**
 * node-redis' typed reply options: integer replies as their digits, strings as Buffers,
 * so that `fromWire` (`core/wire-replies.ts`) keeps them apart and never rounds an integer.
 */
export const wireTypes = {
  [RESP_TYPES.NUMBER]: String,
  [RESP_TYPES.BLOB_STRING]: Buffer,
  [RESP_TYPES.SIMPLE_STRING]: Buffer,
};

/** A command's node-redis options: typed replies, a chain, an abort signal. */
export interface LineOptions {
  typeMapping?: typeof wireTypes;
  chainId?: symbol;
  abortSignal?: AbortSignal;
}

/** What the queue writer needs of a node-redis client (`RedisClientType`, any modules). */
export interface QueueingClient {
  readonly isReady: boolean;
  sendCommand(args: readonly string[], options?: LineOptions): Promise<unknown>;
  /** The client with `typeMapping` among its default command options. */
  withTypeMapping(typeMapping: typeof wireTypes): { sendCommand(args: readonly string[]): Promise<unknown> };
  _getQueue(): {
    addCommand(args: readonly string[], options?: LineOptions): Promise<unknown>;
    isWaitingToWrite(): boolean;
  };
}

/** The options of a command sent while replies are on time: made once, read by every send. */
export const wireOptions: LineOptions = Object.freeze({ typeMapping: wireTypes });

/** An error reply from Redis, as node-redis gives it (top level, or inside EXEC's reply). */
export const isReplyError = (value: unknown): value is Error => value instanceof ErrorReply;

const asValue = (reply: unknown): ClientOutcome => ({ value: fromWire(reply) });
const asError = (error: unknown): ClientOutcome => ({ error });
const ignore = () => undefined;
const multiLine: readonly string[] = Object.freeze(['MULTI']);
const execLine: readonly string[] = Object.freeze(['EXEC']);

/** The adapter error for a client error (`ConnectionGuard.toAdapterError`). */
type ToAdapterError = (error: unknown, command: string) => Error;

/**
 * Command lines written onto one node-redis connection's command queue. `sendCommand`
 * merges its options into a new object for every command (`{ ...defaults, ...options }`,
 * about 1 µs on Node 20, as much as the rest of the command), so a line goes straight
 * onto the queue whenever a write is already due: node-redis writes everything queued in
 * one go (on the next `setImmediate`, or once the socket drains). The first line after a
 * write goes through `sendCommand`, which checks the connection and schedules that write.
 */
export function queueWriter(client: QueueingClient, toAdapterError: ToAdapterError) {
  const queue = client._getQueue();
  // `sendCommand` merges its defaults with the options given; with none given (the usual
  // typed line), the merge copies one object, several times cheaper than merging two.
  const typed = client.withTypeMapping(wireTypes);

  /** Queues one command line; node-redis writes it with the others of this tick. */
  function enqueue(args: readonly string[], options: LineOptions): Promise<unknown> {
    if (client.isReady && queue.isWaitingToWrite()) return queue.addCommand(args, options);
    return options === wireOptions ? typed.sendCommand(args) : client.sendCommand(args, options);
  }

  /** One command; its reply as typed wire data, for `fromWire` (`wireDecoder`) to decode. */
  function send(args: readonly string[], options: LineOptions = wireOptions): Promise<unknown> {
    return enqueue(args, options);
  }

  /**
   * Every command's outcome, error replies included, once every reply is in. With an
   * `abortSignal` in `options`, the lines not written when it aborts are dropped.
   */
  function pipeline(commands: string[][], options: LineOptions = wireOptions): Promise<RawOutcome[]> {
    // Once the first line is queued on a ready connection, a write is due for the others.
    const ready = client.isReady;
    const replies = commands.map((args, index) =>
      ready && index > 0 ? queue.addCommand(args, options) : enqueue(args, options),
    );
    return Promise.all(replies).then(
      (values) => values.map(asValue) as RawOutcome[],
      // Some line failed: wait for every reply, then classify.
      () =>
        Promise.all(replies.map((reply) => reply.then(asValue, asError))).then((results) =>
          toRawOutcomes(results, commands, toAdapterError),
        ),
    );
  }

  /**
   * MULTI, the commands, EXEC, as one `chainId` chain: queued together, so nothing comes
   * in between, and node-redis drops the unwritten rest of a chain when the connection
   * breaks halfway, so a half-sent transaction is never finished on the next connection.
   * Only EXEC's reply is typed (the others are `+QUEUED`): node-redis' own `multi()`
   * reads EXEC's reply untyped, so its integers would round near 2^53. EXEC answers nil
   * on a WATCH abort; when Redis refused a command while queued, EXEC fails (EXECABORT)
   * and that command's own error tells why.
   */
  function multi(commands: string[][]): Promise<RawOutcome[]> {
    const chainId = Symbol('MULTI');
    const queuedOptions = { chainId };
    const queued = [enqueue(multiLine, queuedOptions)];
    for (const args of commands) queued.push(enqueue(args, queuedOptions));
    for (const reply of queued) reply.catch(ignore);
    return enqueue(execLine, { chainId, typeMapping: wireTypes }).then(
      (replies) => execOutcomes(replies, commands),
      (error: unknown) => execFailure(error, queued),
    );
  }

  /** One outcome per queued command, from EXEC's reply; error replies classified. */
  function execOutcomes(replies: unknown, commands: string[][]): RawOutcome[] {
    if (replies === null) throw new WatchConflictError();
    if (!Array.isArray(replies)) throw new TypeError(`Unexpected EXEC reply: ${String(replies)}`);
    let failed = false;
    const outcomes = replies.map((reply: unknown): ClientOutcome => {
      if (!(reply instanceof ErrorReply)) return asValue(reply);
      failed = true;
      return { error: reply };
    });
    return failed ? toRawOutcomes(outcomes, commands, toAdapterError) : (outcomes as RawOutcome[]);
  }

  return { send, pipeline, multi };
}

/** Why EXEC failed: a command refused while queued (EXECABORT), or EXEC's own error. */
async function execFailure(error: unknown, queued: Promise<unknown>[]): Promise<never> {
  if (!(error instanceof ErrorReply)) throw error;
  const refused = (await Promise.allSettled(queued)).find((result) => result.status === 'rejected');
  throw execAbortError(refused?.reason instanceof Error ? refused.reason : error);
}
