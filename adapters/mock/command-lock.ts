/**
 * One command at a time, like the single thread of a Redis server. Every mock connection
 * of a server runs its commands through the server's lock, so an emulation that reads,
 * decides and writes (ZADD GT, INCR checks, MULTI) is never interleaved with another
 * connection's command.
 */
export interface CommandLock {
  /** Runs `task` once every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createCommandLock(): CommandLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
