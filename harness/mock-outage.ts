import { RedisUnavailableError } from '../adapters/errors/redis-unavailable-error.js';
import type { BlockingConnection, RedisAdapter } from '../adapters/redis-adapter.js';
import { interceptAdapter } from './intercept-adapter.js';
import { withBlockingOutage } from './mock-outage-blocking.js';

/** How the simulated Redis is doing: answering, gone (every call rejects), or hung (every call waits). */
export type SimulatedState = 'up' | 'down' | 'hung';

/**
 * The mock lives in memory and cannot go down, so an outage is simulated. While `state()`
 * is `down`, every command, batch and script run rejects with `RedisUnavailableError`,
 * and so does a blocking pop, even one already waiting. While it is `hung`, every call
 * waits, and runs once the state changes, as a real hung server runs its queued commands
 * when it wakes up (`down` then rejects them).
 */
export function withSimulatedOutage(adapter: RedisAdapter, state: () => SimulatedState): RedisAdapter {
  const unavailable = () =>
    Promise.reject(new RedisUnavailableError('Redis is unavailable (simulated outage of the in-memory mock).'));
  const awake = async () => {
    while (state() === 'hung') await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const intercepted = interceptAdapter(adapter, (call) => {
    if (state() === 'down') return unavailable();
    if (state() === 'up') return call();
    return awake().then(() => (state() === 'down' ? unavailable() : call()));
  });
  // A blocking connection, once opened, sees the outage too (its pops reject when it begins).
  const down = () => state() === 'down';
  return new Proxy(intercepted, {
    get(target, property, receiver) {
      if (property !== 'blocking') return Reflect.get(target, property, receiver);
      return () =>
        (target.blocking() as Promise<BlockingConnection>).then((connection) => withBlockingOutage(connection, down));
    },
  });
}
