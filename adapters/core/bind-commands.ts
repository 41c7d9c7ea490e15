import type { RedisCommands } from '../redis-commands.js';
import { commandTable, type TableOf } from './command-table.js';
import type { RedisDriver } from './driver.js';

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
