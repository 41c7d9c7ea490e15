import { classifyReplyError } from '../core/classify-reply-error.js';
import { commandFacts, commandNameOf } from '../core/command-facts.js';

/** Commands whose arguments after the key come in pairs (field value …). */
const pairedAfterKey = new Set(['HSET']);

/**
 * Throws Redis' "wrong number of arguments" error for a command line Redis would refuse,
 * judging by the command's arity (its facts). The mock accepts `SADD k` or `HSET k` without
 * members; Redis refuses them before running anything, and inside MULTI that refusal aborts
 * the whole transaction (EXECABORT).
 */
export function checkArity(args: string[]): void {
  const command = commandNameOf(args);
  const expected = commandFacts(command)?.arity;
  if (expected === undefined) return;
  const wrongCount = expected >= 0 ? args.length !== expected : args.length < -expected;
  const unpaired = pairedAfterKey.has(command) && (args.length - 2) % 2 !== 0;
  if (wrongCount || unpaired) {
    throw classifyReplyError(`ERR wrong number of arguments for '${command.toLowerCase()}' command`, command);
  }
}
