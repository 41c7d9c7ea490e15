import type { RedisCommands } from '../redis-commands.js';
import { commandNames, commandTable } from './command-table.js';
import type { RedisDriver } from './driver.js';

/** Every `RedisCommands` method, sent on `driver` and normalised by the command table. */
export function bindCommands(driver: RedisDriver): RedisCommands {
  const commands: Record<string, unknown> = {};
  for (const name of commandNames) {
    const spec = commandTable[name] as { toArgs(...args: unknown[]): string[]; parse(raw: unknown): unknown };
    commands[name] = async (...args: unknown[]) => spec.parse(await driver.send(spec.toArgs(...args)));
  }
  return commands as unknown as RedisCommands;
}
