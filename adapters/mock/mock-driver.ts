import { execAbortError } from '../core/batch-outcomes.js';
import { classifyReplyError } from '../core/classify-reply-error.js';
import { commandNameOf } from '../core/command-facts.js';
import type { RawOutcome, RedisDriver } from '../core/driver.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { WatchConflictError } from '../errors/watch-conflict-error.js';
import { isBlockingPop, parseBlockingPop, waitForPop } from './blocking-pops.js';
import { mockCapabilities } from './capabilities.js';
import { checkArity } from './command-arity.js';
import { dispatch } from './dispatch.js';
import { createMockContext, execute } from './execute.js';
import { toRedisError } from './mock-errors.js';
import type { MockServer } from './mock-server.js';
import { createMockSubscriber } from './mock-subscriber.js';

/**
 * One "connection" to an in-memory server. Every command, batch and blocking-pop try runs
 * under the server's lock, so a MULTI or an emulation that reads then writes is one atomic
 * step for every mock connection of this process. Each connection has its own WATCH state
 * and its own closed state; `duplicate()` opens another.
 */
/** The error of the first command Redis would refuse to queue, if any. */
function firstRefusedCommand(commands: string[][]): Error | undefined {
  for (const args of commands) {
    try {
      checkArity(args);
    } catch (error) {
      return error as Error;
    }
  }
  return undefined;
}

export function createMockDriver(server: MockServer): RedisDriver {
  const context = createMockContext(server);
  const watch = server.watches.create();
  const closing = new AbortController();

  const ensureOpen = () => {
    if (closing.signal.aborted) throw new RedisUnavailableError('This mock connection is closed; open a new adapter.');
  };

  async function watchKeys(keys: string[]): Promise<string> {
    if (keys.length === 0) throw classifyReplyError("ERR wrong number of arguments for 'watch' command", 'WATCH');
    for (const key of keys) {
      const ttl = Number(await dispatch(server.client, ['PTTL', key]));
      server.watches.watch(watch, key, ttl > 0 ? Date.now() + ttl : null);
    }
    return 'OK';
  }

  /** One command line on the mock server, its reply raw. */
  async function sendLine(args: string[]): Promise<unknown> {
    ensureOpen();
    const command = commandNameOf(args);
    if (isBlockingPop(command)) {
      const pop = parseBlockingPop(command, args);
      return waitForPop(command, pop, (attempt) => server.lock.run(() => attempt(context)), closing.signal);
    }
    return server.lock.run(async () => {
      if (command === 'WATCH') return watchKeys(args.slice(1));
      if (command === 'UNWATCH') {
        server.watches.unwatch(watch);
        return 'OK';
      }
      return execute(context, args);
    });
  }

  return {
    backend: 'mock',
    capabilities: mockCapabilities,

    send(args, parse) {
      return parse === undefined ? sendLine(args) : sendLine(args).then(parse);
    },

    async batch(kind, commands) {
      ensureOpen();
      return server.lock.run(async () => {
        if (kind === 'multi') {
          const conflict = server.watches.conflicts(watch, Date.now());
          server.watches.unwatch(watch);
          // Redis refuses a malformed command while queuing it; EXEC then runs nothing.
          const refused = firstRefusedCommand(commands);
          if (refused) throw execAbortError(refused);
          if (conflict) throw new WatchConflictError();
        }
        const outcomes: RawOutcome[] = [];
        for (const args of commands) {
          try {
            outcomes.push({ value: await execute(context, args) });
          } catch (error) {
            outcomes.push({ error: toRedisError(error, commandNameOf(args)) });
          }
        }
        return outcomes;
      });
    },

    duplicate: async () => createMockDriver(server),
    subscriber: async () => createMockSubscriber(server),

    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      server.watches.unwatch(watch);
    },
  };
}
