import { RedisUnavailableError } from '../adapters/errors/redis-unavailable-error.js';
import type { BlockingConnection } from '../adapters/redis-adapter.js';

/** How often a waiting pop looks whether the simulated outage began, in ms. */
const outageCheckMs = 10;

const unavailable = () => new RedisUnavailableError('Redis is unavailable (simulated outage of the in-memory mock).');

/**
 * A blocking connection of the mock under a simulated outage, as a real one behaves when
 * its server goes away: a pop started while Redis is down rejects at once, and a pop
 * waiting when the outage begins rejects then, its connection closed (no pop left
 * polling in the background to take an element later).
 */
export function withBlockingOutage(connection: BlockingConnection, down: () => boolean): BlockingConnection {
  const guarded =
    <A extends unknown[], R>(pop: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      if (down()) return Promise.reject(unavailable());
      return new Promise<R>((resolve, reject) => {
        const watcher = setInterval(() => {
          if (!down()) return;
          clearInterval(watcher);
          reject(unavailable());
          void connection.close().catch(() => undefined);
        }, outageCheckMs);
        pop(...args).then(
          (value) => {
            clearInterval(watcher);
            resolve(value);
          },
          (error: unknown) => {
            clearInterval(watcher);
            reject(error);
          },
        );
      });
    };
  return {
    blMove: guarded(connection.blMove.bind(connection)),
    blPop: guarded(connection.blPop.bind(connection)),
    brPop: guarded(connection.brPop.bind(connection)),
    bzPopMin: guarded(connection.bzPopMin.bind(connection)),
    close: () => connection.close(),
  };
}
