import { commandNameOf } from '../core/command-facts.js';
import { checkArguments } from './argument-checks.js';
import { isBlockingPop, parseBlockingPop } from './blocking-pops.js';
import { checkArity } from './command-arity.js';
import { dispatch } from './dispatch.js';
import { deleteIfEmpty, emptyingCommands } from './empty-keys.js';
import { emulations } from './emulations.js';
import { assertKeyTypes } from './key-types.js';
import type { MockContext } from './mock-context.js';
import type { MockServer } from './mock-server.js';
import { readUnchangedKeys } from './no-op-writes.js';
import { changedKeys, flushesAll } from './write-commands.js';

/** The emulation context of `server`: its `run` is {@link execute} itself. */
export function createMockContext(server: MockServer): MockContext {
  const context: MockContext = { server, client: server.client, run: (args) => execute(context, args) };
  return context;
}

/**
 * Runs one command line on the mock with every emulation, as one step of the server: the
 * caller holds the server's lock. Runs the emulation, or checks arguments and key types
 * (WRONGTYPE) as Redis would and runs the mock's own command; then deletes a container the
 * command emptied, and tells WATCH which keys changed. A blocking pop here makes one try,
 * as inside MULTI on Redis.
 */
export async function execute(context: MockContext, args: string[]): Promise<unknown> {
  const command = commandNameOf(args);
  checkArity(args);
  if (isBlockingPop(command)) return parseBlockingPop(command, args).attempt(context);
  const emulation = emulations[command];
  const watched = args.slice(1).some((key) => context.server.watches.isWatched(key));
  const unchangedKeys = watched ? await readUnchangedKeys(context.client, command, args) : undefined;
  let reply: unknown;
  if (emulation) reply = await emulation(context, args);
  else {
    checkArguments(command, args);
    await assertKeyTypes(context.client, command, args);
    reply = await dispatch(context.client, args);
  }
  if (emptyingCommands.has(command)) await deleteIfEmpty(context.client, args[1]);
  if (flushesAll(command)) context.server.watches.touchAll();
  else {
    const unchanged = new Set(unchangedKeys ? await unchangedKeys(reply) : []);
    context.server.watches.touch(changedKeys(command, args, reply).filter((key) => !unchanged.has(key)));
  }
  return reply;
}
