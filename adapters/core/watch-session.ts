import { RedisError } from '../errors/redis-error.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { WatchConflictError } from '../errors/watch-conflict-error.js';
import type { Batch, WatchTransaction } from '../redis-adapter.js';
import { defineCommandMethods } from './bind-commands.js';
import { commandNameOf } from './command-facts.js';
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
  const state = new SessionState(connection);
  return { transaction: new Transaction(state) as unknown as WatchTransaction, end: () => state.end() };
}

class SessionState {
  watching = false;
  failed = false;
  ended = false;

  constructor(readonly connection: RedisDriver) {}

  send(args: string[], parse?: ParseReply): Promise<unknown> {
    if (this.ended) return Promise.reject(sentAfterEnd(commandNameOf(args)));
    return this.connection.send(args, parse).catch((error: unknown) => this.fail(error));
  }

  batch(kind: 'multi' | 'pipeline', commands: string[][]): Promise<RawOutcome[]> {
    if (this.ended) return Promise.reject(sentAfterEnd(kind.toUpperCase()));
    return this.connection.batch(kind, commands).then(
      (outcomes) => {
        // EXEC ran: Redis forgets every watched key, whatever the commands answered.
        this.watching = false;
        return outcomes;
      },
      (error: unknown) => {
        if (error instanceof WatchConflictError) this.watching = false;
        return this.fail(error);
      },
    );
  }

  /** The connection, its batches sent through {@link batch} (what `createBatch` needs). */
  batchDriver(): RedisDriver {
    const driver = Object.create(this.connection) as RedisDriver;
    // `bind`, not an arrow in an object literal: tsx names such an arrow on every call.
    driver.batch = this.batch.bind(this);
    return driver;
  }

  async end(): Promise<boolean> {
    this.ended = true;
    if (this.failed) return false;
    if (!this.watching) return true;
    try {
      await this.connection.send(['UNWATCH']);
      return true;
    } catch {
      return false;
    }
  }

  /** Rethrows `error`; a connection problem or a missed deadline leaves the connection unusable. */
  private fail(error: unknown): never {
    if (error instanceof RedisUnavailableError || !(error instanceof RedisError)) this.failed = true;
    throw error;
  }
}

const stateOf = Symbol('watch session');

/**
 * The commands a transaction's function calls. They are on the prototype, built once from
 * the command table, so that a `watch()` costs two small objects, not a closure per command
 * (about 16 µs for the whole table). The state sits behind a symbol: an object made with
 * `Object.create(tx)` that overrides a method still reaches the same session.
 */
class Transaction {
  readonly [stateOf]: SessionState;

  constructor(state: SessionState) {
    this[stateOf] = state;
  }

  async watchKeys(...keys: string[]): Promise<void> {
    const state = this[stateOf];
    const sent = state.send(['WATCH', ...keys]);
    // Active from the moment it is sent: the session may end before its reply.
    if (!state.ended) state.watching = true;
    await sent;
  }

  async unwatch(): Promise<void> {
    const state = this[stateOf];
    await state.send(['UNWATCH']);
    state.watching = false;
  }

  multi(): Batch {
    return createBatch(this[stateOf].batchDriver(), 'multi');
  }
}

defineCommandMethods(Transaction.prototype, (tx, line, parse) => tx[stateOf].send(line, parse));

function sentAfterEnd(command: string): RedisError {
  return new RedisError(
    `${command} was sent after its watch() function had settled, so it was not sent. Await every command inside the function you pass to watch().`,
  );
}
