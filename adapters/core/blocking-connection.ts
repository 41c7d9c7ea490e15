import type { BlockingConnection } from '../redis-adapter.js';
import type { BlockingCommands } from '../redis-commands.js';
import { bindTable } from './bind-commands.js';
import { blockingCommandTable } from './command-table.js';
import type { RedisDriver } from './driver.js';

/** Blocking pops, from the command table, on a connection that does nothing else. */
export function createBlockingConnection(driver: RedisDriver): BlockingConnection {
  return { ...bindTable<BlockingCommands>(driver, blockingCommandTable), close: () => driver.close() };
}
