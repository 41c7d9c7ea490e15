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
}

export function createReadyWaiters(isReady: () => boolean): ReadyWaiters {
  const waiters = new Set<() => void>();
  let released = false;
  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };
  return {
    wait(ms) {
      if (isReady()) return Promise.resolve(true);
      if (released) return Promise.resolve(false);
      return new Promise((resolve) => {
        const wake = () => {
          if (!released && !isReady()) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(!released && isReady());
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(!released && isReady());
        }, Math.max(0, ms));
        waiters.add(wake);
      });
    },
    notify: wakeAll,
    release() {
      released = true;
      wakeAll();
    },
  };
}
