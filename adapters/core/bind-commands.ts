import type { RedisCommands } from '../redis-commands.js';
import { commandNames, commandTable, type TableOf } from './command-table.js';
import type { ParseReply, RedisDriver } from './driver.js';

type AnySpec = { toArgs(...args: unknown[]): string[]; parse(raw: unknown): unknown };

/** Every command of `table` as a method: sent on `driver`, its reply normalised by the table. */
export function bindTable<Commands>(driver: RedisDriver, table: TableOf<Commands>): Commands {
  const commands: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table as Record<string, AnySpec>)) {
    // The driver parses where the reply settles: no `then` here, no `async` function.
    commands[name] = (...args: unknown[]) => driver.send(spec.toArgs(...args), spec.parse);
  }
  return commands as Commands;
}

/** Every `RedisCommands` method, sent on `driver` and normalised by the command table. */
export function bindCommands(driver: RedisDriver): RedisCommands {
  return bindTable<RedisCommands>(driver, commandTable);
}

/**
 * Every `RedisCommands` method on `prototype`, built once from the command table: each
 * calls `call(this, line, parse)` with its command line and its reply's parser. Objects
 * made from it (a batch, a WATCH transaction) cost no closure per command.
 */
export function defineCommandMethods<Self>(
  prototype: Self,
  call: (self: Self, line: string[], parse: ParseReply) => unknown,
): void {
  for (const name of commandNames) {
    const spec = commandTable[name] as AnySpec;
    Object.defineProperty(prototype, name, {
      value: function command(this: Self, ...args: unknown[]) {
        return call(this, spec.toArgs(...args), spec.parse);
      },
      writable: true,
      configurable: true,
    });
  }
}
