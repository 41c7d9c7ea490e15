import { RedisUnavailableError } from '../adapters/errors/redis-unavailable-error.js';
import type { RedisAdapter } from '../adapters/redis-adapter.js';

/** How the simulated Redis is doing: answering, gone (every call rejects), or hung (every call waits). */
export type SimulatedState = 'up' | 'down' | 'hung';

/**
 * The mock lives in memory and cannot go down, so an outage is simulated. While `state()`
 * is `down`, every command, batch and script run rejects with `RedisUnavailableError`.
 * While it is `hung`, every call waits, and runs once the state changes, as a real hung
 * server runs its queued commands when it wakes up (`down` then rejects them).
 */
export function withSimulatedOutage(adapter: RedisAdapter, state: () => SimulatedState): RedisAdapter {
  const unavailable = () =>
    Promise.reject(new RedisUnavailableError('Redis is unavailable (simulated outage of the in-memory mock).'));
  const awake = async () => {
    while (state() === 'hung') await new Promise((resolve) => setTimeout(resolve, 20));
  };
  /** Runs `call` now, or after the hang; rejects while down. */
  const when = (call: () => unknown): unknown => {
    if (state() === 'down') return unavailable();
    if (state() === 'up') return call();
    return awake().then(() => (state() === 'down' ? unavailable() : call()));
  };
  const guard = <T extends object>(target: T, wrap: (name: string, call: () => unknown) => unknown): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || property === 'close') return value;
        return (...args: unknown[]) => wrap(String(property), () => value.apply(object, args));
      },
    });

  const guardBatch = <B extends object>(batch: B): B => {
    const proxy: B = guard(batch, (name, call) => {
      if (name === 'exec') return when(call);
      call();
      return proxy;
    });
    return proxy;
  };

  return guard(adapter, (name, call) => {
    if (name === 'multi' || name === 'pipeline') return guardBatch(call() as object);
    if (name === 'defineScript') return guard(call() as object, (_, run) => when(run));
    return when(call);
  });
}
