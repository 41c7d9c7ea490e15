/**
 * Two things ioredis 5.11's `Cluster` gets wrong with the options the adapter needs, and
 * what the adapter does about them. Both show as commands reordered or sent to the wrong
 * master (MOVED inside MULTI, a read that misses the write sent just before it).
 */
import { EventEmitter } from 'node:events';
import type { Cluster, Redis, RedisOptions } from 'ioredis';

/** What ioredis' `Cluster` does, inside, to load its slot map (not in its public types). */
interface SlotMapLoader {
  getInfoFromNode(node: Redis, callback: (error?: Error) => void): void;
}

/**
 * ioredis reads CLUSTER SLOTS on a copy of a node connection, `stringNumbers` included,
 * then loops `for (slot = start; slot <= end; slot++)` over range bounds that are strings:
 * `"5461" <= "10922"` is false, so that master's slots are missing from its map and their
 * keys go to a random master. The copy that reads CLUSTER SLOTS here reads integers as
 * numbers; every other connection keeps `stringNumbers`.
 */
export function readSlotsAsNumbers(cluster: Cluster): void {
  const loader = cluster as unknown as SlotMapLoader;
  const load = loader.getInfoFromNode.bind(cluster);
  loader.getInfoFromNode = (node, callback) => {
    const withNumbers = node
      ? Object.assign(Object.create(node) as Redis, {
          duplicate: (override?: RedisOptions) => node.duplicate({ ...override, stringNumbers: false }),
        })
      : node;
    load(withNumbers, callback);
  };
}

/** When a cluster client may take commands, and the events the connection guard follows. */
export interface ClusterReadiness {
  /** Emits `'ready'` each time the cluster becomes ready again, `'error'` and `'reconnecting'` as the cluster does. */
  events: EventEmitter;
  isReady(): boolean;
}

/**
 * ioredis connects to a master only when the first command for it arrives; with the
 * cluster's offline queue off, a second command sent while that connection is being made
 * is refused ("Connection is closed") and retried 100 ms later on a random master: after
 * the commands sent behind it, through a MOVED, on a timer that fake timers stop. So every
 * master is connected as soon as it is known, and the cluster is ready only once the
 * cluster and all its masters are.
 */
export function followReadiness(cluster: Cluster): ClusterReadiness {
  const events = new EventEmitter();
  const isReady = () => cluster.status === 'ready' && cluster.nodes('master').every((node) => node.status === 'ready');
  let wasReady = false;
  const check = () => {
    const ready = isReady();
    if (ready && !wasReady) events.emit('ready');
    wasReady = ready;
  };
  cluster.on('+node', (node: Redis) => {
    node.on('ready', check);
    node.on('close', check);
    if (node.status === 'wait') node.connect().catch(() => {});
  });
  cluster.on('ready', check);
  cluster.on('error', (error: unknown) => events.emit('error', error));
  cluster.on('node error', (error: unknown) => events.emit('error', error));
  cluster.on('reconnecting', () => {
    wasReady = false;
    events.emit('reconnecting');
  });
  return { events, isReady };
}
