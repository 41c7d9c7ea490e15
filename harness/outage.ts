import { createMockAdapter } from '../adapters/ioredis-mock.js';
import type { BackendName, RedisAdapter } from '../adapters/redis-adapter.js';
import { createBackendAdapter } from './backends.js';
import { withSimulatedOutage } from './mock-outage.js';
import { createTcpSwitch } from './tcp-switch.js';

/**
 * A Redis you can take away and bring back, for "Redis goes away" specs. On a real backend
 * the adapter connects through a TCP relay that is cut and restored (the clients see a
 * real outage); on the mock the outage is simulated.
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

/**
 * A Redis that can go away: on the mock, the in-memory server called `mockServer` (give
 * each independent instance its own name); on a real backend, the Redis at `redisUrl`.
 */
export async function createRedisOutage(
  backend: BackendName,
  redisUrl: string,
  mockServer = 'default',
): Promise<RedisOutage> {
  if (backend === 'mock') {
    let state: 'up' | 'down' | 'hung' = 'up';
    const redis = withSimulatedOutage(createMockAdapter({ server: mockServer }), () => state);
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
  const relay = await createTcpSwitch(redisUrl);
  const redis = createBackendAdapter(backend, relay.url);
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
