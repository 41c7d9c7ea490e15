import { classifyReplyError } from '../core/classify-reply-error.js';
import { commandFacts } from '../core/command-facts.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import type { MockContext } from './mock-context.js';
import { parseFloatArg } from './redis-numbers.js';

/** Timers captured at load, so that a test's fake timers do not freeze a waiting pop. */
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realNow = performance.now.bind(performance);

/** How often a waiting pop looks again. */
export const POLL_INTERVAL_MS = 10;

interface BlockingPop {
  /** One non-blocking try: the reply, or `null` when every key was empty. */
  attempt(context: MockContext): Promise<unknown>;
  /** Milliseconds to wait; `Infinity` for timeout 0. */
  timeoutMs: number;
}

const popEach =
  (command: string, keys: string[]) =>
  async (context: MockContext): Promise<unknown> => {
    for (const key of keys) {
      const reply = await context.run([command, key]);
      if (Array.isArray(reply) ? reply.length > 0 : reply !== null && reply !== undefined) {
        return Array.isArray(reply) ? [key, ...reply] : [key, reply];
      }
    }
    return null;
  };

/** The blocking commands the mock lacks, each as its non-blocking equivalent. */
const equivalents: Record<string, (args: string[]) => BlockingPop['attempt']> = {
  BLPOP: (args) => popEach('LPOP', args.slice(1, -1)),
  BRPOP: (args) => popEach('RPOP', args.slice(1, -1)),
  BZPOPMIN: (args) => popEach('ZPOPMIN', args.slice(1, -1)),
  BZPOPMAX: (args) => popEach('ZPOPMAX', args.slice(1, -1)),
  BLMOVE:
    ([, source = '', destination = '', from = '', to = '']) =>
    async (context) =>
      context.run(['LMOVE', source, destination, from, to]),
  BRPOPLPUSH:
    ([, source = '', destination = '']) =>
    async (context) =>
      context.run(['RPOPLPUSH', source, destination]),
};

/** Whether `command` is a blocking pop (a command fact); each has its equivalent above. */
export function isBlockingPop(command: string): boolean {
  return commandFacts(command)?.blockingPop === true;
}

/** Parses a blocking pop's command line; its timeout (seconds) is the last argument. */
export function parseBlockingPop(command: string, args: string[]): BlockingPop {
  const timeout = parseFloatArg(args.at(-1));
  if (timeout === null || !Number.isFinite(timeout) || args.length < 3) {
    throw classifyReplyError('ERR timeout is not a float or out of range', command);
  }
  if (timeout < 0) throw classifyReplyError('ERR timeout is negative', command);
  const attempt = equivalents[command]?.(args);
  if (!attempt) throw new TypeError(`${command} is not a blocking pop`);
  return { attempt, timeoutMs: timeout === 0 ? Number.POSITIVE_INFINITY : timeout * 1000 };
}

/**
 * Waits like a blocking pop by polling: tries `pop.attempt` (through `runLocked`, so each
 * try is one atomic step on the server) every {@link POLL_INTERVAL_MS} until it gets an
 * element or the timeout passes (then `null`). Aborting `signal` (the connection closed)
 * rejects at once with `RedisUnavailableError`.
 */
export async function waitForPop(
  command: string,
  pop: BlockingPop,
  runLocked: (attempt: BlockingPop['attempt']) => Promise<unknown>,
  signal: AbortSignal,
): Promise<unknown> {
  const deadline = realNow() + pop.timeoutMs;
  for (;;) {
    if (signal.aborted) throw closed(command);
    const reply = await runLocked(pop.attempt);
    if (reply !== null) return reply;
    const left = deadline - realNow();
    if (left <= 0) return null;
    await sleep(Math.min(POLL_INTERVAL_MS, left), signal, command);
  }
}

function sleep(ms: number, signal: AbortSignal, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(closed(command));
    const onAbort = () => {
      realClearTimeout(timer);
      reject(closed(command));
    };
    const timer = realSetTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function closed(command: string) {
  return new RedisUnavailableError(`The connection was closed while ${command} was waiting.`);
}
