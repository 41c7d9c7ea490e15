import { RedisError } from '../errors/redis-error.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { WatchConflictError } from '../errors/watch-conflict-error.js';
import type { WatchTransaction } from '../redis-adapter.js';
import { bindCommands } from './bind-commands.js';
import { createBatch } from './create-batch.js';
import type { ParseReply, RawOutcome, RedisDriver } from './driver.js';

/**
 * One `watch()` call on a connection of its own: the `WatchTransaction` its function gets.
 * It remembers whether a WATCH may still be active and whether the connection failed, so
 * that the connection goes back to the pool with nothing watched, or is closed. Once the
 * call has ended, its commands are refused: a command sent without `await` must not land
 * in the next transaction on the same connection.
 */
export interface WatchSession {
  readonly transaction: WatchTransaction;
  /**
   * Ends the session (its commands are refused from now on) and leaves nothing watched on
   * the connection (UNWATCH when a WATCH may be active). Resolves with whether the
   * connection can serve another transaction.
   */
  end(): Promise<boolean>;
}

export function startWatchSession(connection: RedisDriver): WatchSession {
  let watching = false;
  let failed = false;
  let ended = false;

  /** Rethrows `error`; a connection problem or a missed deadline leaves the connection unusable. */
  const fail = (error: unknown): never => {
    if (error instanceof RedisUnavailableError || !(error instanceof RedisError)) failed = true;
    throw error;
  };

  const send = (args: string[], parse?: ParseReply): Promise<unknown> => {
    if (ended) return Promise.reject(sentAfterEnd(args[0]));
    return connection.send(args, parse).catch(fail);
  };

  const batch = (kind: 'multi' | 'pipeline', commands: string[][]): Promise<RawOutcome[]> => {
    if (ended) return Promise.reject(sentAfterEnd(kind.toUpperCase()));
    return connection.batch(kind, commands).then(
      (outcomes) => {
        // EXEC ran: Redis forgets every watched key, whatever the commands answered.
        watching = false;
        return outcomes;
      },
      (error: unknown) => {
        if (error instanceof WatchConflictError) watching = false;
        return fail(error);
      },
    );
  };

  /** The connection, with every command and batch going through the checks above. */
  const checked: RedisDriver = Object.assign(Object.create(connection) as RedisDriver, { send, batch });

  const transaction: WatchTransaction = {
    ...bindCommands(checked),
    watchKeys: async (...keys) => {
      const sent = send(['WATCH', ...keys]);
      // Active from the moment it is sent: the session may end before its reply.
      if (!ended) watching = true;
      await sent;
    },
    unwatch: async () => {
      await send(['UNWATCH']);
      watching = false;
    },
    multi: () => createBatch(checked, 'multi'),
  };

  return {
    transaction,
    async end() {
      ended = true;
      if (failed) return false;
      if (!watching) return true;
      try {
        await connection.send(['UNWATCH']);
        return true;
      } catch {
        return false;
      }
    },
  };
}

function sentAfterEnd(command: string | undefined): RedisError {
  return new RedisError(
    `${String(command).toUpperCase()} was sent after its watch() function had settled, so it was not sent. Await every command inside the function you pass to watch().`,
  );
}
