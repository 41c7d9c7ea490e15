/**
 * The raw clients the adapters are compared with, configured as the adapters configure
 * theirs (fail-fast, RESP2), so that only the adapter's own code makes a difference.
 */
import { Redis } from 'ioredis';
import { createClient } from 'redis';

/** node-redis' client as the adapters create it: RESP2, no offline queue. */
export type NodeRedisClient = ReturnType<typeof createNodeRedisClient>;

/**
 * `timerPerCommand: false` switches off node-redis' default 5 s `AbortSignal.timeout` per
 * command, as the adapter does (it keeps its own deadlines): the stricter baseline.
 */
const createNodeRedisClient = (url: string, timerPerCommand: boolean) =>
  createClient({
    url,
    RESP: 2,
    disableOfflineQueue: true,
    ...(timerPerCommand ? {} : { commandOptions: { timeout: 0 } }),
  });

export async function rawIoredis(url: string): Promise<Redis> {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
  });
  await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

export async function rawNodeRedis(url: string, timerPerCommand = true): Promise<NodeRedisClient> {
  const client = createNodeRedisClient(url, timerPerCommand);
  await client.connect();
  return client;
}
