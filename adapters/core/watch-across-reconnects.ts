import type { EventEmitter } from 'node:events';
import { WatchConflictError } from '../errors/watch-conflict-error.js';

/** Follows WATCH on one client connection; see {@link trackWatch}. */
export interface WatchTracker {
  /** Call with each command's name (upper case) as it is sent. */
  sent(command: string): void;
  /** Call as MULTI/EXEC is sent: throws `WatchConflictError` if the connection changed since WATCH. */
  exec(): void;
}

/**
 * WATCH lives on one TCP connection. When the client reconnects between WATCH and EXEC,
 * the new connection watches nothing and EXEC would run unguarded: a lost update. This
 * counts (re)connections (`'ready'` events) so that such an EXEC fails with
 * `WatchConflictError` instead, as node-redis' own `watch()` does.
 */
export function trackWatch(events: EventEmitter): WatchTracker {
  let connection = 0;
  let watchedOn: number | undefined;
  events.on('ready', () => {
    connection += 1;
  });
  return {
    sent(command) {
      if (command === 'WATCH') watchedOn ??= connection;
      else if (command === 'UNWATCH' || command === 'EXEC' || command === 'DISCARD') watchedOn = undefined;
    },
    exec() {
      const lost = watchedOn !== undefined && watchedOn !== connection;
      watchedOn = undefined;
      if (lost) {
        throw new WatchConflictError(
          'Transaction aborted: the connection to Redis was re-established after WATCH, so the keys were no longer watched. Nothing ran; read again and retry.',
        );
      }
    },
  };
}
