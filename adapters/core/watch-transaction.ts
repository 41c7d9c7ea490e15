import type { WatchTransaction } from '../redis-adapter.js';
import { bindCommands } from './bind-commands.js';
import { createBatch } from './create-batch.js';
import type { RedisDriver } from './driver.js';

/** Runs `fn` with WATCH, reads and MULTI on a connection of its own, then releases it. */
export async function runWatchTransaction<T>(
  openConnection: () => Promise<RedisDriver>,
  fn: (tx: WatchTransaction) => Promise<T>,
): Promise<T> {
  const driver = await openConnection();
  const tx: WatchTransaction = {
    ...bindCommands(driver),
    watchKeys: async (...keys) => {
      await driver.send(['WATCH', ...keys]);
    },
    unwatch: async () => {
      await driver.send(['UNWATCH']);
    },
    multi: () => createBatch(driver, 'multi'),
  };
  try {
    return await fn(tx);
  } finally {
    await driver.close();
  }
}
