import type { EventEmitter } from 'node:events';
import { Cluster, Command, type Redis } from 'ioredis';
import type { ClusterClient, ClusterMaster } from './cluster/cluster-client.js';
import {
  type ClusterClientOptions,
  credentialsOf,
  describeSeeds,
  hostAndPort,
} from './cluster/cluster-client-options.js';
import { createClusterDriver } from './cluster/cluster-driver.js';
import { noMasterYet } from './cluster/first-master.js';
import { followReadiness, readSlotsAsNumbers } from './cluster/ioredis-cluster-fixes.js';
import { keySlot } from './cluster/key-slot.js';
import { type ConnectionGuard, guardConnection } from './core/connection-guard.js';
import { createAdapter } from './core/create-adapter.js';
import { execPlainMulti } from './core/plain-batches.js';
import { fromWire } from './core/wire-replies.js';
import { createIoredisSubscriber, failFastOptions, isReplyError, plainCommandSender, wireReplies } from './ioredis.js';
import { defaultCommandTimeoutMs } from './real-client-options.js';
import type { RedisAdapter } from './redis-adapter.js';

/**
 * A `RedisAdapter` over ioredis' `Cluster`: each command goes to the master of its key's
 * slot; what spans slots throws `CrossSlotError` (see `cluster/cluster-driver.ts`).
 * Fail-fast like the one-server adapter: no offline queue, a deadline on every command.
 */
export function createIoredisClusterAdapter(options: ClusterClientOptions): RedisAdapter {
  return createAdapter(createClusterDriver(connectCluster(options)), options);
}

interface OpenCluster {
  cluster: Cluster;
  guard: ConnectionGuard;
  events: EventEmitter;
  timeoutMs: number;
}

/**
 * A `Cluster` that fails fast (no offline queue, a deadline on every command), guarded:
 * ready when the cluster and every master's connection are (`ioredis-cluster-fixes.ts`).
 */
function openCluster(options: ClusterClientOptions): OpenCluster {
  const timeoutMs = options.commandTimeoutMs ?? defaultCommandTimeoutMs;
  const cluster = new Cluster(
    options.urls.map((url) => {
      const { hostname, port } = new URL(url);
      return { host: hostname, port: Number(port || 6379) };
    }),
    {
      // The guard sends only while the cluster and its masters are ready, so nothing waits
      // in this queue; with it off, ioredis refuses a command for a master whose connection
      // is being made and retries it 100 ms later on a random master (a timer fake timers stop).
      enableOfflineQueue: true,
      // CLUSTER INFO before ready costs a round trip per adapter; the slot map says enough.
      enableReadyCheck: false,
      clusterRetryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 1000),
      slotsRefreshTimeout: Math.max(timeoutMs, 1000),
      // Node connections: fail fast, integers as digits (ioredis keeps their offline queue
      // on, so that a node not connected yet takes commands: the guard's deadline holds).
      redisOptions: { ...failFastOptions(timeoutMs, options.name), ...credentialsOf(options.urls[0] ?? '') },
      ...(options.nodeAddressMap ? { natMap: natMap(options.nodeAddressMap) } : {}),
    },
  );
  readSlotsAsNumbers(cluster);
  const readiness = followReadiness(cluster);
  const guard = guardConnection({
    endpoint: describeSeeds(options.urls),
    commandTimeoutMs: timeoutMs,
    events: readiness.events,
    isReady: readiness.isReady,
    isReplyError,
    quit: () => cluster.quit(),
    destroy: () => cluster.disconnect(),
  });
  return { cluster, guard, events: readiness.events, timeoutMs };
}

function connectCluster(options: ClusterClientOptions): ClusterClient {
  const { cluster, guard, events, timeoutMs } = openCluster(options);
  const senders = new WeakMap<Redis, ClusterMaster>();
  const masterOf = (node: Redis): ClusterMaster => {
    let master = senders.get(node);
    if (!master) {
      master = { address: `${node.options.host}:${node.options.port}`, send: plainCommandSender(node) };
      senders.set(node, master);
    }
    return master;
  };
  const masters = () => cluster.nodes('master').map(masterOf).sort(byAddress);

  return {
    backend: 'ioredis-cluster',
    guard,
    events,
    timeoutMs,
    send(args, key) {
      const command = new Command(args[0] ?? '', args.slice(1), wireReplies);
      // A keyless command is sent to the master of `key` (ioredis' third argument, the target).
      const target = command.getSlot() === null ? { slot: keySlot(key) } : undefined;
      return (cluster.sendCommand(command, undefined, target) as Promise<unknown>).then(fromWire);
    },
    masters,
    multi(commands, slot) {
      const owner = slot === undefined ? undefined : cluster.slots[slot]?.[0];
      const master = masters().find((node) => owner === undefined || node.address === owner);
      if (!master) noMasterYet();
      return execPlainMulti(commands, master.send, isReplyError);
    },
    duplicate: () => connectCluster(options),
    // ioredis subscribes on one node; the cluster bus brings every message there.
    subscriber: () => {
      const { cluster: own, guard: ownGuard } = openCluster(options);
      return createIoredisSubscriber({ client: own, guard: ownGuard, timeoutMs });
    },
  };
}

const byAddress = (a: ClusterMaster, b: ClusterMaster) => a.address.localeCompare(b.address);

function natMap(map: Readonly<Record<string, string>>) {
  return Object.fromEntries(Object.entries(map).map(([announced, target]) => [announced, hostAndPort(target)]));
}
