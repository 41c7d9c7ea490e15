import type { EventEmitter } from 'node:events';
import { RedisError } from '../errors/redis-error.js';
import { createDeadlineQueue, type Deadline } from './deadline-queue.js';
import { errorFromReply } from './error-from-reply.js';
import { realNow } from './real-timers.js';
import { connectionLost, describeConnectionFailure, unavailable } from './unavailable-errors.js';
import { createReadyWaiters } from './wait-until-ready.js';
import { withDeadline } from './with-deadline.js';

/** What a guard needs to know about one client connection (ioredis or node-redis). */
export interface GuardedClient {
  /** `host:port`, for messages. */
  endpoint: string;
  commandTimeoutMs: number;
  /** The client itself: it emits `'ready'` and `'error'`. */
  events: EventEmitter;
  /** Connected and able to take commands now. */
  isReady(): boolean;
  /** An error reply from Redis (`-ERR …`), as opposed to a connection problem. */
  isReplyError(error: unknown): error is Error;
  /** Closes politely (QUIT): waits for replies in flight. */
  quit(): Promise<unknown>;
  /** Closes at once, rejecting whatever is in flight. */
  destroy(): void;
}

/**
 * Fail-fast use of a client connection: commands wait for the connection at most
 * `commandTimeoutMs`, then are sent and must be answered in time; nothing is queued for
 * later. Errors come out as `RedisError`s, never as client error classes.
 */
export interface ConnectionGuard {
  /**
   * Waits until the connection is ready (up to `commandTimeoutMs`), then calls `send` at
   * once and waits up to `replyTimeoutMs` in all (`undefined`: forever) for its result.
   * `send` is told whether replies are late (the oldest command in flight has waited over a
   * quarter of its deadline): then a command may not even be written in time, and should be
   * sent so that it is dropped rather than written late. `decode`, if given, turns the reply
   * into the result as it settles (one promise less than a `then`); what it throws rejects
   * the command as it is.
   */
  run<T, R = T>(
    command: string,
    replyTimeoutMs: number | undefined,
    send: (behind: boolean) => Promise<T>,
    decode?: (reply: T) => R,
  ): Promise<R>;
  /** The adapter error for a client error: a classified reply error or `RedisUnavailableError`. */
  toAdapterError(error: unknown, command: string): Error;
  /**
   * Closes the connection; idempotent. New commands reject at once. Commands in flight
   * get their replies (QUIT waits for them), except blocking pops: they reject at once and
   * the connection is destroyed, as it is when Redis is down or QUIT takes too long.
   */
  close(): Promise<void>;
}

/** A command sent and not answered yet. */
interface InFlight extends Deadline {
  command: string;
  /** What the caller was promised, in ms (`undefined`: no limit), for the error message. */
  replyTimeoutMs: number | undefined;
  blocking: boolean;
  reject(error: Error): void;
}

/** Resolves with `decode(reply)`, or rejects with what it throws (a bug, or a reply out of range). */
function decodeInto<T, R>(
  decode: (reply: T) => R,
  reply: T,
  resolve: (value: R) => void,
  reject: (error: unknown) => void,
): void {
  try {
    resolve(decode(reply));
  } catch (error) {
    reject(error);
  }
}

/** How long a command waits for a connection that is known to be down before it fails. */
const knownDownWaitMs = 250;

export function guardConnection(client: GuardedClient): ConnectionGuard {
  const { endpoint, commandTimeoutMs, events } = client;
  // Commands in flight: those with the usual deadline in `deadlines`, the others here.
  const inFlight = new Set<InFlight>();
  const noAnswer = (entry: InFlight) => unavailable.noAnswer(endpoint, entry.command, entry.replyTimeoutMs ?? 0);
  const deadlines = createDeadlineQueue<InFlight>(commandTimeoutMs, (entry) => entry.reject(noAnswer(entry)));
  let closing = false;
  let closed: Promise<void> | undefined;
  let lastFailure: string | undefined;
  const readyWaiters = createReadyWaiters(() => client.isReady());

  events.on('error', (error: unknown) => {
    const reason = describeConnectionFailure(error);
    // Keep a telling reason (refused, not Redis) over the generic one that follows it.
    if (reason !== connectionLost || lastFailure === undefined) lastFailure = reason;
    readyWaiters.shorten(knownDownWaitMs);
  });
  // Both clients emit 'reconnecting' as soon as a connection drops: from then on it is known down.
  events.on('reconnecting', () => {
    lastFailure ??= connectionLost;
    readyWaiters.shorten(knownDownWaitMs);
  });
  events.on('ready', () => {
    lastFailure = undefined;
    readyWaiters.notify();
  });

  function toAdapterError(error: unknown, command: string): Error {
    if (error instanceof RedisError) return error;
    // A bad argument (not a string) is a bug in the calling code, not an outage.
    if (error instanceof TypeError) return error;
    if (client.isReplyError(error)) return errorFromReply(error.message, command, error);
    if (closing) return unavailable.closed(endpoint, command);
    return unavailable.lost(endpoint, command, lastFailure ?? describeConnectionFailure(error), error);
  }

  /**
   * Sends now, on a ready connection, and settles within `left` ms (`undefined`: no limit),
   * what remains of the command's `replyTimeoutMs`. Per command: one entry, one promise and
   * one `then` on the client's promise (which `decode` rides on), and no clock reading
   * (the deadline queue reads it once a tick).
   */
  function dispatch<T, R>(
    command: string,
    replyTimeoutMs: number | undefined,
    send: (behind: boolean) => Promise<T>,
    decode: ((reply: T) => R) | undefined,
    left = replyTimeoutMs,
  ): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const onTime = left === commandTimeoutMs;
      const entry: InFlight = {
        command,
        replyTimeoutMs,
        // A blocking pop may wait longer than any other command: close() does not wait for it.
        blocking: replyTimeoutMs === undefined || replyTimeoutMs > commandTimeoutMs,
        reject,
        // Set by `deadlines` for a command with the usual deadline; the others have a timer.
        deadline: Number.POSITIVE_INFINITY,
        settled: false,
      };
      if (!onTime) inFlight.add(entry);
      let work: Promise<T>;
      try {
        work = send(isBehind());
      } catch (error) {
        work = Promise.reject(error);
      }
      // Commands with the usual deadline share one timer; the others (blocking pops, a
      // command that waited for the connection) have their own.
      if (onTime) deadlines.add(entry);
      else work = withDeadline(work, left, () => noAnswer(entry));
      work.then(
        (reply) => {
          settle(entry, onTime);
          if (decode === undefined) resolve(reply as unknown as R);
          else decodeInto(decode, reply, resolve, reject);
        },
        (error: unknown) => {
          settle(entry, onTime);
          reject(toAdapterError(error, command));
        },
      );
    });
  }

  function settle(entry: InFlight, onTime: boolean): void {
    if (onTime) deadlines.delete(entry);
    else inFlight.delete(entry);
  }

  function run<T, R = T>(
    command: string,
    replyTimeoutMs: number | undefined,
    send: (behind: boolean) => Promise<T>,
    decode?: (reply: T) => R,
  ): Promise<R> {
    if (closing) return Promise.reject(unavailable.closed(endpoint, command));
    if (client.isReady()) return dispatch(command, replyTimeoutMs, send, decode);
    return runWhenReady(command, replyTimeoutMs, send, decode);
  }

  async function runWhenReady<T, R>(
    command: string,
    replyTimeoutMs: number | undefined,
    send: (behind: boolean) => Promise<T>,
    decode: ((reply: T) => R) | undefined,
  ): Promise<R> {
    const started = realNow();
    // Known down (a connection error since the last 'ready'): give a reconnect in progress
    // a short chance only, so that callers hear "unavailable" well within a second.
    const readyBudget = lastFailure === undefined ? commandTimeoutMs : Math.min(commandTimeoutMs, knownDownWaitMs);
    const ready = await readyWaiters.wait(readyBudget);
    if (closing) throw unavailable.closed(endpoint, command);
    if (!ready) throw unavailable.unreachable(endpoint, lastFailure ?? 'not connected yet');
    const left = replyTimeoutMs === undefined ? undefined : replyTimeoutMs - (realNow() - started);
    return dispatch(command, replyTimeoutMs, send, decode, left);
  }

  async function shutDown(): Promise<void> {
    closing = true;
    readyWaiters.release();
    const pending = [...deadlines.entries(), ...inFlight];
    const blocked = pending.some((entry) => entry.blocking);
    if (blocked || !client.isReady()) {
      for (const entry of pending) entry.reject(unavailable.closed(endpoint, entry.command));
      return client.destroy();
    }
    try {
      await withDeadline(client.quit(), commandTimeoutMs, () => new Error('QUIT timed out'));
    } catch {
      client.destroy();
    }
  }

  /** Whether the oldest command in flight has used over a quarter of its deadline. */
  function isBehind(): boolean {
    return deadlines.oldestWaitedMs() > commandTimeoutMs / 4;
  }

  return {
    run,
    toAdapterError,
    close: () => {
      closed ??= shutDown();
      return closed;
    },
  };
}
