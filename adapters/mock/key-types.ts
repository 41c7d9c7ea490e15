import { type CommandFacts, commandFacts, type KeyType } from '../core/command-facts.js';
import { declaredKeyTypes, storesIntoFirstKey } from '../core/command-key-types.js';
import { dispatch } from './dispatch.js';
import { wrongType } from './mock-errors.js';
import type { MockClient } from './mock-server.js';

type KeyPicker = (args: string[]) => string[];

const first: KeyPicker = (args) => args.slice(1, 2);

/** Moves from a source to a destination: Redis checks the destination only when the source exists. */
const moves = new Set(['LMOVE', 'RPOPLPUSH', 'SMOVE']);

/** The keys whose type a command checks: the source of a move, the sources of a `…STORE`. */
function typedKeys(facts: CommandFacts): KeyPicker {
  if (moves.has(facts.name)) return first;
  if (storesIntoFirstKey.has(facts.name)) return (args) => facts.keys(args).slice(1);
  return (args) => facts.keys(args);
}

/** Commands whose only typed key is their first argument, with that key's type (for Lua's `redis.call`). */
export function firstKeyTypes(): Map<string, KeyType> {
  return new Map(
    declaredKeyTypes().flatMap(([command, type]) => {
      const facts = commandFacts(command);
      return facts && (facts.singleKey || moves.has(command)) ? [[command, type] as const] : [];
    }),
  );
}

/** The type of `key` as TYPE reports it (`none` when missing). */
export async function keyType(client: MockClient, key: string): Promise<string> {
  return String(await dispatch(client, ['TYPE', key]));
}

/**
 * Rejects with WRONGTYPE, as Redis does, when a key of the command holds another type.
 * The mock does not check: it answers `null`, `NaN` or a wrong value, or throws a JS error.
 * Emulations call it themselves once their arguments are valid: Redis reports a bad
 * argument before a wrong type.
 */
export async function assertKeyTypes(client: MockClient, command: string, args: string[]): Promise<void> {
  const facts = commandFacts(command);
  const expected = facts?.keyType;
  if (!facts || !expected) return;
  for (const key of typedKeys(facts)(args)) {
    const actual = await keyType(client, key);
    if (actual !== 'none' && actual !== expected) throw wrongType(command);
    if (actual === 'none' && moves.has(command)) return;
  }
  if (moves.has(command)) {
    const destination = await keyType(client, args[2] ?? '');
    if (destination !== 'none' && destination !== expected) throw wrongType(command);
  }
}
