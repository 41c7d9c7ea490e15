/**
 * Optimistic WATCH for the mock, as Redis does it: each WATCHing connection has a state
 * that any write to one of its keys marks dirty; EXEC then fails. Writes are reported by
 * `touch` (see `write-commands.ts`); a key with a TTL at WATCH time that has expired by
 * EXEC also counts as changed, as in Redis 7.
 */
export interface WatchState {
  /** A watched key was written since WATCH. */
  dirty: boolean;
  /** The watched keys, each with the time (ms) it expires at, or `null` without a TTL. */
  readonly keys: Map<string, number | null>;
}

export interface WatchRegistry {
  /** A fresh state for one connection. */
  create(): WatchState;
  /** WATCH: adds `key` (expiring at `expiresAt` ms, or `null`) to `state`. */
  watch(state: WatchState, key: string, expiresAt: number | null): void;
  /** UNWATCH, and after EXEC: forgets every key of `state` and clears it. */
  unwatch(state: WatchState): void;
  /** Whether EXEC must fail: a watched key was written or has expired. */
  conflicts(state: WatchState, now: number): boolean;
  /** Whether some connection watches `key`. */
  isWatched(key: string): boolean;
  /** A write to `keys`: every state watching one of them becomes dirty. */
  touch(keys: Iterable<string>): void;
  /** FLUSHALL / FLUSHDB: every watching state becomes dirty. */
  touchAll(): void;
}

export function createWatchRegistry(): WatchRegistry {
  const watchers = new Map<string, Set<WatchState>>();
  return {
    create: () => ({ dirty: false, keys: new Map() }),
    watch(state, key, expiresAt) {
      if (state.keys.has(key)) return;
      state.keys.set(key, expiresAt);
      const states = watchers.get(key) ?? new Set<WatchState>();
      states.add(state);
      watchers.set(key, states);
    },
    unwatch(state) {
      for (const key of state.keys.keys()) {
        const states = watchers.get(key);
        states?.delete(state);
        if (states?.size === 0) watchers.delete(key);
      }
      state.keys.clear();
      state.dirty = false;
    },
    conflicts(state, now) {
      if (state.dirty) return true;
      for (const expiresAt of state.keys.values()) if (expiresAt !== null && expiresAt <= now) return true;
      return false;
    },
    isWatched: (key) => watchers.has(key),
    touch(keys) {
      for (const key of keys) for (const state of watchers.get(key) ?? []) state.dirty = true;
    },
    touchAll() {
      for (const states of watchers.values()) for (const state of states) state.dirty = true;
    },
  };
}
