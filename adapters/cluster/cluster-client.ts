import type { EventEmitter } from 'node:events';
import type { ClientOutcome } from '../core/batch-outcomes.js';
import type { ConnectionGuard } from '../core/connection-guard.js';
import type { SubscriberDriver } from '../core/driver.js';
import type { BackendName } from '../redis-adapter.js';

/** One master of the cluster, for what must visit every master (SCAN). */
export interface ClusterMaster {
  /** `host:port` as the cluster announces it. */
  readonly address: string;
  /** Sends one command line to this master; the reply decoded by `fromWire`. */
  send(args: readonly string[]): Promise<unknown>;
}

/**
 * What a cluster client library must provide (ioredis' `Cluster`, node-redis'
 * `createCluster`); `createClusterDriver` does the rest: slots, CROSSSLOT checks, SCAN
 * over every master, WATCH. Replies are decoded by `fromWire`; errors are the client's own.
 */
export interface ClusterClient {
  readonly backend: BackendName;
  /** Fail-fast and deadlines for the whole cluster client. */
  readonly guard: ConnectionGuard;
  /** Emits `'ready'` on each (re)connection: WATCH is lost across one. */
  readonly events: EventEmitter;
  readonly timeoutMs: number;
  /**
   * Sends one command line to the master that owns `key`'s slot (its own first key, or
   * another for a keyless command such as UNWATCH), following MOVED and ASK.
   */
  send(args: readonly string[], key: string): Promise<unknown>;
  /** The masters, sorted by address; none until the slot map is known. */
  masters(): ClusterMaster[];
  /** MULTI, the commands, EXEC on the master that owns `slot` (any master when `undefined`). */
  multi(commands: string[][], slot: number | undefined): Promise<ClientOutcome[]>;
  /** A new client to the same cluster, sharing no connection with this one. */
  duplicate(): ClusterClient;
  /** A subscriber: messages published on any node reach it through the cluster bus. */
  subscriber(): SubscriberDriver;
}
