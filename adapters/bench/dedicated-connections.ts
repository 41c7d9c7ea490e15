/**
 * The raw clients' connections for WATCH transactions, as an application without a pool
 * keeps them: one per worker, opened on its first transaction and kept. (WATCH state
 * belongs to a connection: workers sharing one would watch each other's keys.)
 */
import type { Redis } from 'ioredis';
import type { NodeRedisClient } from './raw-clients.js';

export interface DedicatedConnections {
  ioredis(worker: number): Promise<Redis>;
  nodeRedis(worker: number): Promise<NodeRedisClient>;
  close(): Promise<void>;
}

export function dedicatedConnections(ioredis: Redis, nodeRedis: NodeRedisClient): DedicatedConnections {
  const ioredisConnections = new Map<number, Promise<Redis>>();
  const nodeRedisConnections = new Map<number, Promise<NodeRedisClient>>();
  const openIoredis = async () => {
    const connection = ioredis.duplicate();
    if (connection.status !== 'ready') await new Promise((resolve) => connection.once('ready', resolve));
    return connection;
  };
  const openNodeRedis = async () => {
    const connection = nodeRedis.duplicate();
    await connection.connect();
    return connection;
  };
  const connectionOf = <T>(connections: Map<number, Promise<T>>, worker: number, open: () => Promise<T>) => {
    let connection = connections.get(worker);
    if (!connection) {
      connection = open();
      connections.set(worker, connection);
    }
    return connection;
  };
  return {
    ioredis: (worker) => connectionOf(ioredisConnections, worker, openIoredis),
    nodeRedis: (worker) => connectionOf(nodeRedisConnections, worker, openNodeRedis),
    async close() {
      for (const connection of ioredisConnections.values()) (await connection).disconnect();
      await Promise.allSettled(
        [...nodeRedisConnections.values()].map(async (connection) => (await connection).close()),
      );
    },
  };
}
