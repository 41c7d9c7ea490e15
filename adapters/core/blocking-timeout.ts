/** Blocking commands whose last argument is their timeout in seconds (0: wait forever). */
const blockingCommands = new Set(['BLPOP', 'BRPOP', 'BLMOVE', 'BRPOPLPUSH', 'BZPOPMIN', 'BZPOPMAX']);

/**
 * How long `command` (upper case) may wait for its reply, in ms: `commandTimeoutMs`, plus the server-side
 * timeout of a blocking pop. `undefined` (no limit) for a blocking pop that waits forever.
 */
export function replyTimeoutMs(command: string, args: readonly string[], commandTimeoutMs: number): number | undefined {
  if (!blockingCommands.has(command)) return commandTimeoutMs;
  const seconds = Number(args.at(-1));
  if (!Number.isFinite(seconds) || seconds < 0) return commandTimeoutMs;
  return seconds === 0 ? undefined : commandTimeoutMs + seconds * 1000;
}
