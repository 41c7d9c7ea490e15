import type { RedisError } from './errors/redis-error.js';
import type { BlockingCommands, RedisCommands, RedisReply } from './redis-commands.js';

export type * from './redis-commands.js';

/** The backends the workbook runs on: the in-memory mock, two clients on one server, the same two on Redis Cluster. */
export type BackendName = 'mock' | 'ioredis' | 'node-redis' | 'ioredis-cluster' | 'node-redis-cluster';

/**
 * One Redis connection, the same on every backend. Katas take it as a parameter, never
 * as a global, so the very same code runs on the in-memory mock and on a real server.
 *
 * Commands (`get`, `hSet`, `zAdd`, …) are in {@link RedisCommands}. Work that must not
 * share a connection with other commands gets one of its own: `subscriber()` for pub/sub,
 * `blocking()` for blocking pops, `watch()` for optimistic transactions.
 */
export interface RedisAdapter extends RedisCommands {
  /** Which client library runs underneath. */
  readonly backend: BackendName;

  /** What this backend cannot do faithfully. Specs skip visibly on a missing capability. */
  readonly capabilities: Capabilities;

  /**
   * MULTI/EXEC: queue commands, then `exec()` runs them as one atomic step. No other
   * client's command runs in between. Redis does not roll back: when a command fails at
   * run time, `exec()` rejects with a `BatchError` whose `outcomes` show what ran.
   */
  multi(): Batch;

  /**
   * A pipeline: queue commands, then `exec()` sends them in one round trip. Not atomic:
   * other clients' commands may run in between. Errors are reported as by `multi()`.
   */
  pipeline(): Batch;

  /**
   * Defines a Lua script once. `run` sends EVALSHA and, when the server does not know
   * the script yet (NOSCRIPT), loads it and runs it again: one round trip when warm.
   */
  defineScript(source: string): Script;

  /**
   * An optimistic transaction on a connection of its own: `fn` WATCHes keys, reads, and
   * queues writes on `tx.multi()`. If a watched key changed before EXEC, `exec()`
   * rejects with `WatchConflictError` and nothing ran: retry from the reads.
   * When `fn` settles, the connection goes back to a pool with nothing watched, for the
   * next `watch()`; `tx` refuses commands from then on, so await every one inside `fn`.
   */
  watch<T>(fn: (tx: WatchTransaction) => Promise<T>): Promise<T>;

  /** A dedicated subscriber connection. Close it when done. */
  subscriber(): Promise<Subscriber>;

  /** A dedicated connection for blocking pops (a worker's). Close it when done. */
  blocking(): Promise<BlockingConnection>;

  /**
   * Sends any command as strings, reply as the server sent it (RESP2 shapes).
   * The escape hatch for what the interface does not cover; not normalised.
   */
  sendCommand(args: string[]): Promise<unknown>;

  /** Closes this connection and every connection it opened. Idempotent. */
  close(): Promise<void>;
}

/**
 * Queued commands for `multi()` or `pipeline()`. Every command method returns the batch,
 * its type grown by that command's reply, so a chain's `exec()` is typed without a cast:
 * `const [value, ttl] = await redis.multi().get(k).ttl(k).exec()` gives `string | null`
 * and `number`. A batch filled in a loop (nothing chained in its type) gives `unknown[]`.
 */
export type Batch<Replies extends unknown[] = []> = {
  [K in keyof RedisCommands]: (...args: Parameters<RedisCommands[K]>) => Batch<[...Replies, ReplyOf<K>]>;
} & {
  /** How many commands are queued. */
  readonly length: number;
  /** Sends the queue; resolves with one normalised reply per command, in order. */
  exec(): Promise<Replies extends [] ? unknown[] : Replies>;
};

/** The normalised reply of command `K`: `ReplyOf<'ttl'>` is `number`. */
export type ReplyOf<K extends keyof RedisCommands> = Awaited<ReturnType<RedisCommands[K]>>;

/** One command's result in a failed batch: its reply, or its error. */
export type BatchOutcome = { value: unknown } | { error: RedisError };

/** A Lua script defined once and run many times. */
export interface Script {
  /** The script's SHA1, as SCRIPT LOAD and EVALSHA know it. */
  readonly sha: string;
  /**
   * Runs the script with `KEYS` and `ARGV`. Lua numbers come back as integers, Lua
   * `false` as `null`, tables as arrays (Redis' own conversion rules).
   */
  run(keys: string[], args: (string | number)[]): Promise<RedisReply>;
}

/** The commands available inside `watch()`: reads on the watched connection, WATCH, and MULTI. */
export interface WatchTransaction extends RedisCommands {
  /** WATCH: EXEC will fail if any of `keys` changes before it. */
  watchKeys(...keys: string[]): Promise<void>;
  /** UNWATCH: forget the watched keys. */
  unwatch(): Promise<void>;
  /** Starts the transaction; its `exec()` rejects with `WatchConflictError` on a conflict. */
  multi(): Batch;
}

/** A connection that only listens. Listeners get the message text and its channel. */
export interface Subscriber {
  /** SUBSCRIBE: resolves once Redis confirms; then `listener` gets every message on `channel`. */
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<void>;
  /** UNSUBSCRIBE from `channel` (always by name: the clients misbehave on a bare UNSUBSCRIBE). */
  unsubscribe(channel: string): Promise<void>;
  /** PSUBSCRIBE: `listener` gets every message on any channel matching the glob `pattern`. */
  pSubscribe(pattern: string, listener: (message: string, channel: string, pattern: string) => void): Promise<void>;
  /** PUNSUBSCRIBE from `pattern`. */
  pUnsubscribe(pattern: string): Promise<void>;
  /** Closes the connection; listeners stop. Idempotent. */
  close(): Promise<void>;
}

/**
 * A connection for blocking pops (the commands of {@link BlockingCommands}). While one
 * waits, the connection can do nothing else.
 */
export interface BlockingConnection extends BlockingCommands {
  /** Closes the connection; a pop in progress rejects with `RedisUnavailableError`. Idempotent. */
  close(): Promise<void>;
}

/**
 * What a backend cannot do faithfully. `true` means supported. Specs that need a missing
 * capability skip with the reason, never silently.
 */
export interface Capabilities {
  /** Blocking pops wake up as soon as an element arrives (the mock polls instead). */
  blockingPops: boolean;
  /** Lua runs with Redis' semantics: `redis.call` errors abort, `cjson`, `redis.error_reply`. */
  luaSemantics: boolean;
  /** Error replies carry Redis' codes (WRONGTYPE, …) for every command. */
  errorReplies: boolean;
  /** Several adapters can be pointed at the same data from other processes. */
  sharedAcrossProcesses: boolean;
  /** Commands can fail because the server is down (a real network connection). */
  canBeUnavailable: boolean;
  /**
   * A multi-key command, MULTI or script may use any keys. `false` on Redis Cluster: the
   * keys must share a hash slot (one hash tag: `{cart:42}:items`, `{cart:42}:total`), or
   * the adapter throws `CrossSlotError` before sending anything.
   */
  keysAcrossSlots: boolean;
  /**
   * PUBLISH answers how many subscribers got the message. `false` on Redis Cluster: the
   * message reaches subscribers on every node, but the count is only of those connected
   * to the node that ran PUBLISH.
   */
  publishCountsEverySubscriber: boolean;
}
