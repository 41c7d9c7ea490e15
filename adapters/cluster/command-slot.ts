/**
 * Which slot a command line, a MULTI or a script runs in. On Redis Cluster everything one
 * command or transaction touches must live in one hash slot: this finds that slot, or
 * throws `CrossSlotError` before anything is sent.
 */
import { commandFacts } from '../core/command-facts.js';
import { CrossSlotError } from '../errors/cross-slot-error.js';
import { keySlot } from './key-slot.js';

/** The keys a command line names (`[]` for a keyless or unknown command). */
export function keysOf(args: readonly string[]): string[] {
  return commandFacts(args[0] ?? '')?.keys(args) ?? [];
}

/** How a refused operation is named in `CrossSlotError`: `MGET`, `a script (EVALSHA)`. */
export function operationName(args: readonly string[]): string {
  const command = args[0]?.toUpperCase() ?? '';
  return command === 'EVAL' || command === 'EVALSHA' ? `a script (${command})` : command;
}

/**
 * The one slot every key hashes to; `undefined` when there are no keys.
 * @throws CrossSlotError naming every key and its slot when they differ.
 */
export function slotOfKeys(operation: string, keys: readonly string[]): number | undefined {
  let slot: number | undefined;
  for (const key of keys) {
    const own = keySlot(key);
    if (slot === undefined) slot = own;
    else if (own !== slot) throw new CrossSlotError(operation, uniqueKeysWithSlots(keys));
  }
  return slot;
}

/** The slot of one command line's keys (see `slotOfKeys`). */
export function slotOfCommand(args: readonly string[]): number | undefined {
  return slotOfKeys(operationName(args), keysOf(args));
}

function uniqueKeysWithSlots(keys: readonly string[]) {
  return [...new Set(keys)].map((key) => ({ key, slot: keySlot(key) }));
}
