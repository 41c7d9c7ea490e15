import { RedisUnavailableError } from '../adapters/errors/redis-unavailable-error.js';
import type { BlockingConnection, RedisAdapter } from '../adapters/redis-adapter.js';
import { withBlockingOutage } from './mock-outage-blocking.js';

/**
 * The mock lives in memory and cannot go down, so an outage is simulated: while `down()`
 * says so, every command, batch and script run rejects with `RedisUnavailableError`.
 */
export function withSimulatedOutage(adapter: RedisAdapter, down: () => boolean): RedisAdapter {
  const unavailable = () =>
    Promise.reject(new RedisUnavailableError('Redis is unavailable (simulated outage of the in-memory mock).'));
  const guard = <T extends object>(target: T, wrapResult: (name: string, result: unknown) => unknown): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || property === 'close') return value;
        return (...args: unknown[]) => wrapResult(String(property), value.apply(object, args));
      },
    });

  /** Answers for a call made while down; the call's own outcome is dropped, never left unhandled. */
  const dropped = (result: unknown) => {
    if (result instanceof Promise) result.catch(() => undefined);
    return unavailable();
  };

  const guardBatch = <B extends object>(batch: B): B => {
    const proxy: B = guard(batch, (name, result) => (name === 'exec' ? (down() ? unavailable() : result) : proxy));
    return proxy;
  };

  return guard(adapter, (name, result) => {
    if (name === 'multi' || name === 'pipeline') return guardBatch(result as object);
    if (name === 'defineScript') return guard(result as object, (_, run) => (down() ? dropped(run) : run));
    if (name === 'blocking' && !down())
      return (result as Promise<BlockingConnection>).then((connection) => withBlockingOutage(connection, down));
    return down() ? dropped(result) : result;
  });
}
