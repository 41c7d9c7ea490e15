/**
 * Commands waiting for a connection to become ready. One `'ready'` listener serves every
 * waiter, however many commands wait at once (no listener per command, so no
 * MaxListenersExceededWarning under load).
 */
export interface ReadyWaiters {
  /**
   * Resolves `true` as soon as `isReady()` holds, or `false` after `ms`, or at once after
   * `release()`.
   */
  wait(ms: number): Promise<boolean>;
  /** Call on every `'ready'` event: wakes the waiters. */
  notify(): void;
  /** Wakes every waiter with the current state and makes later waits return at once (on close). */
  release(): void;
  /** The connection just failed: no waiter waits longer than `ms` from now. */
  shorten(ms: number): void;
}

export function createReadyWaiters(isReady: () => boolean): ReadyWaiters {
  const waiters = new Map<() => void, (ms: number) => void>();
  let released = false;
  const wakeAll = () => {
    for (const wake of [...waiters.keys()]) wake();
  };
  return {
    wait(ms) {
      if (isReady()) return Promise.resolve(true);
      if (released) return Promise.resolve(false);
      return new Promise((resolve) => {
        const deadline = Date.now() + Math.max(0, ms);
        const giveUp = () => {
          waiters.delete(wake);
          resolve(!released && isReady());
        };
        let timer = setTimeout(giveUp, Math.max(0, ms));
        const wake = () => {
          if (!released && !isReady()) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(!released && isReady());
        };
        const shorten = (limit: number) => {
          if (Date.now() + limit >= deadline) return;
          clearTimeout(timer);
          timer = setTimeout(giveUp, limit);
        };
        waiters.set(wake, shorten);
      });
    },
    notify: wakeAll,
    shorten(ms) {
      for (const shorten of [...waiters.values()]) shorten(ms);
    },
    release() {
      released = true;
      wakeAll();
    },
  };
}
