/**
 * What a backend must provide: raw commands on one connection, batches, and more
 * connections. `createAdapter` builds the whole `RedisAdapter` on top of it, so the three
 * backends differ only here. Drivers throw `RedisError` subclasses, never client errors.
 */
import type { BackendName, Capabilities } from '../redis-adapter.js';

/** Turns a raw reply into the command's normalised reply (a command table `parse`). */
export type ParseReply = (raw: unknown) => unknown;

/** One command's raw outcome inside a batch. */
export type RawOutcome = { value: unknown } | { error: Error };

export interface RedisDriver {
  readonly backend: BackendName;
  readonly capabilities: Capabilities;
  /**
   * Sends one command line; resolves with the raw RESP2 reply, or with `parse(reply)` when
   * `parse` is given (a driver runs it where the reply settles, without a `then` of its
   * own). What `parse` throws rejects the command as it is.
   */
  send(args: string[], parse?: ParseReply): Promise<unknown>;
  /**
   * Sends commands as MULTI/EXEC or as a pipeline; one raw outcome per command.
   * Rejects with `WatchConflictError` when a WATCHed key changed.
   */
  batch(kind: 'multi' | 'pipeline', commands: string[][]): Promise<RawOutcome[]>;
  /** A new connection to the same server, for WATCH or blocking commands. */
  duplicate(): Promise<RedisDriver>;
  /** A new connection in subscriber mode. */
  subscriber(): Promise<SubscriberDriver>;
  close(): Promise<void>;
}

export interface SubscriberDriver {
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  pSubscribe(pattern: string, listener: (message: string, channel: string, pattern: string) => void): Promise<void>;
  pUnsubscribe(pattern: string): Promise<void>;
  close(): Promise<void>;
}
