/**
 * Which keys a command changed, for WATCH. Redis marks a watched key dirty only when a
 * command really modified it, so replies that mean "nothing happened" (a nil pop, DEL → 0,
 * SADD of members already there → 0) touch nothing. EVAL/EVALSHA report their own keys.
 * Which commands write, and which of their keys, are command facts (`core/command-facts.ts`).
 */
import { commandFacts } from '../core/command-facts.js';

/** Integer replies where 0 means nothing changed. */
const zeroMeansUnchanged = new Set(
  `DEL UNLINK SREM ZREM HDEL LREM ZREMRANGEBYSCORE ZREMRANGEBYRANK ZREMRANGEBYLEX SMOVE SADD
   EXPIRE PEXPIRE EXPIREAT PEXPIREAT PERSIST HSETNX SETNX MSETNX RENAMENX LPUSHX RPUSHX`.split(/\s+/),
);

/** Whether FLUSHALL/FLUSHDB: every key changed. */
export function flushesAll(command: string): boolean {
  return command === 'FLUSHALL' || command === 'FLUSHDB';
}

/** The keys `args` changed, judging by its `reply`. */
export function changedKeys(command: string, args: string[], reply: unknown): string[] {
  const facts = commandFacts(command);
  if (!facts?.writes) return [];
  const setWithGet = command === 'SET' && args.some((arg) => arg.toUpperCase() === 'GET');
  if ((reply === null || reply === undefined) && !setWithGet) return [];
  if (Array.isArray(reply) && reply.length === 0) return [];
  if (reply === 0 && zeroMeansUnchanged.has(command)) return [];
  if (command === 'GETEX' && args.length <= 2) return [];
  return facts.writtenKeys(args);
}
