/**
 * What the workbook knows about each Redis command, in one place: how many words its
 * command line has, which words are keys, whether it writes, whether it is a blocking pop,
 * and which type of value its keys hold. Arity, flags and key positions are read from
 * `@ioredis/commands` (Redis' COMMAND output, as ioredis ships it); what that list does not
 * say is declared in `command-key-types.ts`. The adapters' deadlines and the mock's arity
 * checks, WRONGTYPE checks and WATCH all read from here.
 */
import { createRequire } from 'node:module';
import { getKeyIndexes } from '@ioredis/commands';
import { type KeyType, keyTypeOf, storesIntoFirstKey } from './command-key-types.js';

export type { KeyType } from './command-key-types.js';

interface ListedCommand {
  arity: number;
  flags: string[];
  keyStart: number;
  keyStop: number;
}

const require = createRequire(import.meta.url);
const listed = require('@ioredis/commands/built/commands.json') as Record<string, ListedCommand>;

/** Blocking commands whose timeout is not their last argument (or is in milliseconds). */
const otherBlockingShapes = new Set(['BLMPOP', 'BZMPOP', 'XREAD', 'XREADGROUP']);

export interface CommandFacts {
  /** Upper case: `ZADD`. */
  readonly name: string;
  /** Words in a command line, the name included: positive is exact, negative a minimum. */
  readonly arity: number;
  /** May change data (Redis' `write` flag). */
  readonly writes: boolean;
  /** Waits for an element up to a timeout in seconds, its last argument (BLPOP, BLMOVE, …). */
  readonly blockingPop: boolean;
  /** Its only key is its first argument (GET, HSET, ZADD; not DEL, LMOVE or ZUNIONSTORE). */
  readonly singleKey: boolean;
  /** The type of value its keys must hold; `undefined` when any type will do. */
  readonly keyType: KeyType | undefined;
  /** The keys in `args` (a whole command line, name first). */
  keys(args: readonly string[]): string[];
  /** The keys it may write: its keys, or only the destination of a `…STORE` command. */
  writtenKeys(args: readonly string[]): string[];
}

const known = new Map<string, CommandFacts>();

/** The facts of `command` (any case), or `undefined` for a command Redis does not have. */
export function commandFacts(command: string): CommandFacts | undefined {
  const cached = known.get(command);
  if (cached) return cached;
  const name = command.toUpperCase();
  const entry = listed[name.toLowerCase()];
  if (!entry) return undefined;
  const facts = describe(name, entry);
  known.set(command, facts);
  return facts;
}

/**
 * The name of the command line `args`, upper case (`incr` → `INCR`): for a command Redis
 * has, from its cached facts, which costs less than `toUpperCase` on every command.
 */
export function commandNameOf(args: readonly string[]): string {
  const name = args[0] ?? '';
  return commandFacts(name)?.name ?? name.toUpperCase();
}

function describe(name: string, { arity, flags, keyStart, keyStop }: ListedCommand): CommandFacts {
  const lower = name.toLowerCase();
  const keys = (args: readonly string[]) => {
    const words = args.slice(1);
    return getKeyIndexes(lower, words).flatMap((index) => words[index] ?? []);
  };
  return {
    name,
    arity,
    writes: flags.includes('write'),
    blockingPop: flags.includes('blocking') && !otherBlockingShapes.has(name),
    singleKey: keyStart === 1 && keyStop === 1 && !flags.includes('movablekeys'),
    keyType: keyTypeOf(name),
    keys,
    writtenKeys: storesIntoFirstKey.has(name) ? (args) => keys(args).slice(0, 1) : keys,
  };
}
