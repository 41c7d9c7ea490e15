import type { WatchTransaction } from '../redis-adapter.js';
import type { ConnectionPool } from './connection-pool.js';
import { startWatchSession } from './watch-session.js';

/**
 * Runs `fn` with WATCH, reads and MULTI on a connection of its own, borrowed from
 * `connections`; once `fn` settles, the connection goes back with nothing watched (or is
 * closed if it failed).
 */
export async function runWatchTransaction<T>(
  connections: ConnectionPool,
  fn: (tx: WatchTransaction) => Promise<T>,
): Promise<T> {
  const connection = await connections.acquire();
  const session = startWatchSession(connection);
  try {
    return await fn(session.transaction);
  } finally {
    await connections.release(connection, await session.end());
  }
}
