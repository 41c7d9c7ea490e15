import { createRequire } from 'node:module';
import { commandNameOf } from '../core/command-facts.js';
import { toRedisError, unsupported } from './mock-errors.js';
import type { MockClient } from './mock-server.js';

const require = createRequire(import.meta.url);
/** Redis command names ioredis-mock knows, lower-case (its own list: `data/command-list.json`). */
const knownCommands = new Set((require('ioredis-mock/data/command-list.json') as { list: string[] }).list);

/** Commands that change the connection's state: the adapter offers them another way. */
const connectionCommands: Record<string, string> = {
  MULTI: 'Use adapter.multi() or tx.multi() inside adapter.watch().',
  EXEC: 'Use adapter.multi() or tx.multi() inside adapter.watch().',
  DISCARD: 'Use adapter.multi() or tx.multi() inside adapter.watch().',
  SUBSCRIBE: 'Use adapter.subscriber().',
  PSUBSCRIBE: 'Use adapter.subscriber().',
  UNSUBSCRIBE: 'Use adapter.subscriber().',
  PUNSUBSCRIBE: 'Use adapter.subscriber().',
  QUIT: 'Use adapter.close().',
  RESET: 'Use adapter.close() and open a new adapter.',
};

type Method = (this: MockClient, ...args: string[]) => unknown;

/**
 * Runs one command line on ioredis-mock, which has no `call`: `['HGETALL', k]` calls
 * `client.hgetall(k)`. No emulation here: the raw mock reply, or its error as a `RedisError`.
 */
export async function dispatch(client: MockClient, args: string[]): Promise<unknown> {
  const command = commandNameOf(args);
  const hint = connectionCommands[command];
  if (hint) throw unsupported(command, hint);
  const name = command.toLowerCase();
  const method = knownCommands.has(name) ? (client as unknown as Record<string, unknown>)[name] : undefined;
  if (typeof method !== 'function') throw unsupported(command || '(empty command)');
  try {
    return await (method as Method).apply(client, args.slice(1));
  } catch (error) {
    throw toRedisError(error, command);
  }
}
