import { EventEmitter } from 'node:events';
import { createCluster } from 'redis';
import type { ClusterClient, ClusterMaster } from './cluster/cluster-client.js';
import {
  type ClusterClientOptions,
  credentialsOf,
  describeSeeds,
  hostAndPort,
} from './cluster/cluster-client-options.js';
import { createClusterDriver } from './cluster/cluster-driver.js';
import { keysOf } from './cluster/command-slot.js';
import { noMasterYet } from './cluster/first-master.js';
import { keySlot } from './cluster/key-slot.js';
import { type ConnectionGuard, guardConnection } from './core/connection-guard.js';
import { createAdapter } from './core/create-adapter.js';
import { execPlainMulti } from './core/plain-batches.js';
import { fromWire } from './core/wire-replies.js';
import { createNodeRedisSubscriber } from './node-redis.js';
import { isReplyError, wireTypes } from './node-redis-queue.js';
import { defaultCommandTimeoutMs } from './real-client-options.js';
import type { RedisAdapter } from './redis-adapter.js';

/**
 * A `RedisAdapter` over node-redis' `createCluster`: each command goes to the master of
 * its key's slot; what spans slots throws `CrossSlotError` (see `cluster/cluster-driver.ts`).
 * Fail-fast like the one-server adapter: no offline queue, a deadline on every command.
 */
export function createNodeRedisClusterAdapter(options: ClusterClientOptions): RedisAdapter {
  return createAdapter(createClusterDriver(connectCluster(options)), options);
}

type NodeRedisCluster = ReturnType<typeof createNodeRedisCluster>;

function createNodeRedisCluster(options: ClusterClientOptions, timeoutMs: number) {
  return createCluster({
    rootNodes: options.urls.map((url) => ({ url })),
    RESP: 2,
    useReplicas: false,
    // No timer per command (node-redis' default is 5 s each): the guard keeps the deadlines.
    commandOptions: { timeout: 0 },
    defaults: {
      ...credentialsOf(options.urls[0] ?? ''),
      disableOfflineQueue: true,
      ...(options.name ? { name: options.name } : {}),
      socket: {
        connectTimeout: Math.max(timeoutMs, 1000),
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000),
      },
    },
    ...(options.nodeAddressMap ? { nodeAddressMap: addressMap(options.nodeAddressMap) } : {}),
  });
}

interface OpenCluster {
  cluster: NodeRedisCluster;
  guard: ConnectionGuard;
  events: EventEmitter;
  timeoutMs: number;
}

/**
 * A cluster client, guarded. node-redis reports its nodes' connections as `node-*` events:
 * they become the `ready`/`error`/`reconnecting` the guard understands. `connect()` gives
 * up when no seed answers: it is retried in the background until the adapter closes.
 */
function openCluster(options: ClusterClientOptions): OpenCluster {
  const timeoutMs = options.commandTimeoutMs ?? defaultCommandTimeoutMs;
  const cluster = createNodeRedisCluster(options, timeoutMs);
  const events = new EventEmitter();
  const forward = (from: string, to: string) => cluster.on(from, (error?: unknown) => events.emit(to, error));
  forward('error', 'error');
  forward('node-error', 'error');
  forward('node-reconnecting', 'reconnecting');
  forward('connect', 'ready');
  forward('node-ready', 'ready');
  let closing = false;
  const guard = guardConnection({
    endpoint: describeSeeds(options.urls),
    commandTimeoutMs: timeoutMs,
    events,
    isReady: () => cluster.isReady,
    isReplyError,
    quit: () => {
      closing = true;
      return cluster.close();
    },
    destroy: () => {
      closing = true;
      cluster.destroy();
    },
  });
  const connect = (attempt: number): void => {
    cluster.connect().catch((error: unknown) => {
      events.emit('error', error);
      if (!closing) setTimeout(() => connect(attempt + 1), Math.min(50 * 2 ** attempt, 1000)).unref();
    });
  };
  connect(0);
  return { cluster, guard, events, timeoutMs };
}

function connectCluster(options: ClusterClientOptions): ClusterClient {
  const { cluster, guard, events, timeoutMs } = openCluster(options);
  const nodeSend = async (node: NodeRedisCluster['masters'][number], args: readonly string[]) =>
    fromWire(await (await cluster.nodeClient(node)).sendCommand(args as string[], onTime));
  const masterOfSlot = (slot: number) => cluster.slots[slot]?.master ?? noMasterYet();
  const firstMasterNode = () =>
    [...cluster.masters].sort((a, b) => a.address.localeCompare(b.address))[0] ?? noMasterYet();
  const masters = () =>
    cluster.masters
      .map((node): ClusterMaster => ({ address: node.address, send: (args) => nodeSend(node, args) }))
      .sort((a, b) => a.address.localeCompare(b.address));

  return {
    backend: 'node-redis-cluster',
    guard,
    events,
    timeoutMs,
    async send(args, key) {
      // A keyless command (UNWATCH) goes to the master of `key` as it is: node-redis' own
      // routing would send it wherever its command policy says.
      if (keysOf(args).length === 0) return nodeSend(masterOfSlot(keySlot(key)), args);
      return fromWire(await cluster.sendCommand(key, false, args as string[], onTime));
    },
    masters,
    async multi(commands, slot) {
      const client = await cluster.nodeClient(slot === undefined ? firstMasterNode() : masterOfSlot(slot));
      const send = async (args: readonly string[]) => fromWire(await client.sendCommand(args as string[], onTime));
      return execPlainMulti(commands, send, isReplyError);
    },
    duplicate: () => connectCluster(options),
    // node-redis subscribes on one node; the cluster bus brings every message there.
    subscriber: () => {
      const { cluster: own, guard: ownGuard } = openCluster(options);
      return createNodeRedisSubscriber({ client: own, guard: ownGuard, timeoutMs });
    },
  };
}

/** The options of every command: replies as wire data (`fromWire` decodes them). */
const onTime = Object.freeze({ typeMapping: wireTypes, timeout: 0 });

function addressMap(map: Readonly<Record<string, string>>) {
  const targets = new Map(Object.entries(map).map(([announced, target]) => [announced, hostAndPort(target)]));
  return (address: string) => targets.get(address);
}
