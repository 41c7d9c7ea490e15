import type { RedisAdapter } from '../adapters/redis-adapter.js';

/**
 * `adapter`, with every call that reaches Redis handed to `intercept` instead of made at
 * once: commands, a batch's `exec` (queueing stays as it is) and a script's `run`. What
 * `intercept` does with the call (make it, delay it, refuse it) is what the wrapped adapter
 * does. `close` is never intercepted. The base of the simulated outage and of the
 * refusing Redis that specs use.
 */
export function interceptAdapter(adapter: RedisAdapter, intercept: (call: () => unknown) => unknown): RedisAdapter {
  const wrap = <T extends object>(target: T, onCall: (name: string, call: () => unknown) => unknown): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || property === 'close') return value;
        return (...args: unknown[]) => onCall(String(property), () => value.apply(object, args));
      },
    });
  const batch = <B extends object>(target: B): B => {
    const proxy: B = wrap(target, (name, call) => {
      if (name === 'exec') return intercept(call);
      call();
      return proxy;
    });
    return proxy;
  };
  return wrap(adapter, (name, call) => {
    if (name === 'multi' || name === 'pipeline') return batch(call() as object);
    if (name === 'defineScript') return wrap(call() as object, (_, run) => intercept(run));
    return intercept(call);
  });
}
