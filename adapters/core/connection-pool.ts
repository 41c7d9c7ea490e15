import type { RedisDriver } from './driver.js';

/**
 * Connections of their own, kept open for the next borrower. `watch()` needs a connection
 * that nothing else writes to while its transaction runs; opening one per transaction
 * costs a TCP handshake and a ready check, several times the transaction itself
 * (see `adapters/README.md`, "WATCH connections").
 */
export interface ConnectionPool {
  /** An idle connection (the one released last), or a new one when none is idle. */
  acquire(): Promise<RedisDriver>;
  /**
   * Gives `connection` back. It waits for the next `acquire` when `reusable` (the borrower
   * left nothing behind on it) and fewer than `maxIdle` wait already; it is closed otherwise.
   */
  release(connection: RedisDriver, reusable: boolean): Promise<void>;
  /** Closes every connection the pool opened, idle or borrowed; later releases close theirs. */
  close(): Promise<void>;
}

/**
 * Up to `maxIdle` idle connections stay open: enough for the concurrency of the katas'
 * servers and benchmarks (50–64 transactions in flight). With fewer, every burst above the
 * cap opens its extra connections again (with 32 kept and 50 in flight, 18 new ones per
 * burst cost about 5 % of `pnpm bench adapters`' WATCH row).
 */
export function createConnectionPool(open: () => Promise<RedisDriver>, maxIdle = 64): ConnectionPool {
  const idle: RedisDriver[] = [];
  const opened = new Set<RedisDriver>();
  let closed = false;

  return {
    async acquire() {
      const connection = closed ? undefined : idle.pop();
      if (connection) return connection;
      const fresh = await open();
      opened.add(fresh);
      return fresh;
    },
    async release(connection, reusable) {
      if (reusable && !closed && idle.length < maxIdle) {
        idle.push(connection);
        return;
      }
      opened.delete(connection);
      await connection.close();
    },
    async close() {
      closed = true;
      idle.length = 0;
      const connections = [...opened];
      opened.clear();
      await Promise.allSettled(connections.map((connection) => connection.close()));
    },
  };
}
