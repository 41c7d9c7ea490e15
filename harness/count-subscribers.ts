import type { RedisAdapter } from '../adapters/redis-adapter.js';

/** An adapter that counts the subscriber connections opened through it. */
export interface CountedAdapter {
  readonly redis: RedisAdapter;
  /** How many times `redis.subscriber()` was called (each call opens a connection). */
  subscribersOpened(): number;
}

/**
 * `redis`, unchanged except that `subscriber()` is counted: the proof, on every backend,
 * that a server shares one subscriber connection between its sockets instead of opening
 * one per socket.
 */
export function countSubscribers(redis: RedisAdapter): CountedAdapter {
  let opened = 0;
  const counted = new Proxy(redis, {
    get(target, property) {
      if (property !== 'subscriber') return Reflect.get(target, property);
      return () => {
        opened += 1;
        return target.subscriber();
      };
    },
  });
  return { redis: counted, subscribersOpened: () => opened };
}
