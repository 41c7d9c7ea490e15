import type { BackendName, RedisAdapter } from '../adapters/redis-adapter.js';
import { isClusterBackend } from './backend-names.js';
import { createClusterOutage } from './cluster-outage.js';
import { withSimulatedOutage } from './mock-outage.js';
import type { AdapterFactory } from './open-backend-adapter.js';
import { createTcpSwitch } from './tcp-switch.js';

/**
 * A Redis you can take away and bring back, for "Redis goes away" specs. On a real backend
 * the adapter connects through a TCP relay that is cut and restored (the clients see a
 * real outage; on a cluster, one relay per master: `cluster-outage.ts`); on the mock the
 * outage is simulated.
 */
export interface RedisOutage {
  /** An adapter to the Redis that goes away. */
  readonly redis: RedisAdapter;
  /** Redis stops answering: open connections drop, new ones are refused. */
  goDown(): Promise<void>;
  /** Redis hangs: connections stay open but no reply comes back (a SIGSTOPped server, a stuck script). */
  hang(): Promise<void>;
  /** Redis answers again (after `goDown` or `hang`); the adapter reconnects by itself. */
  comeBack(): Promise<void>;
  /** Closes the adapter and the relay. */
  close(): Promise<void>;
}

/** `open` makes adapters of `backend` (see `open-backend-adapter.ts`). */
export async function createRedisOutage(
  backend: BackendName,
  redisUrl: string,
  open: AdapterFactory,
): Promise<RedisOutage> {
  if (backend === 'mock') {
    let state: 'up' | 'down' | 'hung' = 'up';
    const redis = withSimulatedOutage(open(''), () => state);
    return {
      redis,
      goDown: async () => {
        state = 'down';
      },
      hang: async () => {
        state = 'hung';
      },
      comeBack: async () => {
        state = 'up';
      },
      close: () => redis.close(),
    };
  }
  if (isClusterBackend(backend)) return createClusterOutage(redisUrl, open);
  const relay = await createTcpSwitch(redisUrl);
  const redis = open(relay.url);
  return {
    redis,
    goDown: () => relay.cut(),
    hang: () => relay.stall(),
    comeBack: () => relay.restore(),
    close: async () => {
      await redis.close();
      await relay.close();
    },
  };
}
