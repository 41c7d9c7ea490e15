import type { EventEmitter } from 'node:events';
import { RedisError } from '../errors/redis-error.js';
import { errorFromReply } from './error-from-reply.js';
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
   */
  run<T>(command: string, replyTimeoutMs: number | undefined, send: () => Promise<T>): Promise<T>;
  /** The adapter error for a client error: a classified reply error or `RedisUnavailableError`. */
  toAdapterError(error: unknown, command: string): Error;
  /**
   * Closes the connection; idempotent. New commands reject at once. Commands in flight
   * get their replies (QUIT waits for them), except blocking pops: they reject at once and
   * the connection is destroyed, as it is when Redis is down or QUIT takes too long.
   */
  close(): Promise<void>;
}

/** How long a command waits for a connection that is known to be down before it fails. */
const knownDownWaitMs = 250;

export function guardConnection(client: GuardedClient): ConnectionGuard {
  const { endpoint, commandTimeoutMs, events } = client;
  const inFlight = new Set<{ command: string; blocking: boolean; reject(error: Error): void }>();
  const closing = new AbortController();
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
    if (closing.signal.aborted) return unavailable.closed(endpoint, command);
    return unavailable.lost(endpoint, command, lastFailure ?? describeConnectionFailure(error), error);
  }

  async function run<T>(command: string, replyTimeoutMs: number | undefined, send: () => Promise<T>): Promise<T> {
    const started = Date.now();
    // Known down (a connection error since the last 'ready'): give a reconnect in progress
    // a short chance only, so that callers hear "unavailable" well within a second.
    const readyBudget = lastFailure === undefined ? commandTimeoutMs : Math.min(commandTimeoutMs, knownDownWaitMs);
    const ready = await readyWaiters.wait(readyBudget);
    if (closing.signal.aborted) throw unavailable.closed(endpoint, command);
    if (!ready) throw unavailable.unreachable(endpoint, lastFailure ?? 'not connected yet');
    const left = replyTimeoutMs === undefined ? undefined : replyTimeoutMs - (Date.now() - started);
    return new Promise<T>((resolve, reject) => {
      // A blocking pop may wait longer than any other command: close() does not wait for it.
      const blocking = replyTimeoutMs === undefined || replyTimeoutMs > commandTimeoutMs;
      const entry = { command, blocking, reject };
      inFlight.add(entry);
      let work: Promise<T>;
      try {
        work = send();
      } catch (error) {
        work = Promise.reject(error);
      }
      withDeadline(work, left, () => unavailable.noAnswer(endpoint, command, replyTimeoutMs ?? 0))
        .then(resolve, (error: unknown) => reject(toAdapterError(error, command)))
        .finally(() => inFlight.delete(entry));
    });
  }

  async function shutDown(): Promise<void> {
    closing.abort();
    readyWaiters.release();
    const blocked = [...inFlight].some((entry) => entry.blocking);
    if (blocked || !client.isReady()) {
      for (const entry of inFlight) entry.reject(unavailable.closed(endpoint, entry.command));
      return client.destroy();
    }
    try {
      await withDeadline(client.quit(), commandTimeoutMs, () => new Error('QUIT timed out'));
    } catch {
      client.destroy();
    }
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
