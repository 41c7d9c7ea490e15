import type { RedisAdapter } from '../redis-adapter.js';
import { bindCommands } from './bind-commands.js';
import { createBlockingConnection } from './blocking-connection.js';
import { type CommandMonitor, monitorDriver } from './command-monitor.js';
import { createConnectionPool } from './connection-pool.js';
import { createBatch } from './create-batch.js';
import { defineScript } from './define-script.js';
import type { RedisDriver } from './driver.js';
import { runWatchTransaction } from './watch-transaction.js';

export interface AdapterOptions {
  /** Told of every round trip this adapter makes (commands, batches, scripts). */
  monitor?: CommandMonitor;
}

/**
 * Builds the full `RedisAdapter` over a backend's driver. Connections it opens for
 * subscribers, blocking pops and WATCH are closed with it; WATCH connections are kept
 * open between transactions (`connection-pool.ts`).
 */
export function createAdapter(backendDriver: RedisDriver, options: AdapterOptions = {}): RedisAdapter {
  const driver = options.monitor ? monitorDriver(backendDriver, options.monitor) : backendDriver;
  const opened = new Set<{ close(): Promise<void> }>();
  const watchConnections = createConnectionPool(() => driver.duplicate());
  let closed: Promise<void> | undefined;

  async function track<T extends { close(): Promise<void> }>(connection: T): Promise<T> {
    opened.add(connection);
    const close = connection.close.bind(connection);
    connection.close = async () => {
      opened.delete(connection);
      await close();
    };
    return connection;
  }

  return {
    ...bindCommands(driver),
    backend: driver.backend,
    capabilities: driver.capabilities,
    multi: () => createBatch(driver, 'multi'),
    pipeline: () => createBatch(driver, 'pipeline'),
    defineScript: (source) => defineScript(driver, source),
    watch: (fn) => runWatchTransaction(watchConnections, fn),
    subscriber: async () => track(await driver.subscriber()),
    blocking: async () => track(createBlockingConnection(await driver.duplicate())),
    sendCommand: (args) => driver.send(args),
    close() {
      closed ??= (async () => {
        await Promise.allSettled([...[...opened].map((connection) => connection.close()), watchConnections.close()]);
        await driver.close();
      })();
      return closed;
    },
  };
}
