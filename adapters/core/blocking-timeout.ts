import { commandFacts } from './command-facts.js';

/**
 * How long `command` (upper case) may wait for its reply, in ms: `commandTimeoutMs`, plus
 * the server-side timeout of a blocking pop (its last argument, in seconds). `undefined`
 * (no limit) for a blocking pop that waits forever (timeout 0).
 */
export function replyTimeoutMs(command: string, args: readonly string[], commandTimeoutMs: number): number | undefined {
  if (!commandFacts(command)?.blockingPop) return commandTimeoutMs;
  const seconds = Number(args.at(-1));
  if (!Number.isFinite(seconds) || seconds < 0) return commandTimeoutMs;
  return seconds === 0 ? undefined : commandTimeoutMs + seconds * 1000;
}
