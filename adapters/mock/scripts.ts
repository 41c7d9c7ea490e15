import { createHash } from 'node:crypto';
import { classifyReplyError } from '../core/classify-reply-error.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { dispatch } from './dispatch.js';
import { wrapScript } from './lua-prelude.js';
import { toCompileError, toScriptReply } from './lua-replies.js';
import type { Emulation, MockContext } from './mock-context.js';
import { unsupported } from './mock-errors.js';
import { parseInteger } from './redis-numbers.js';

const sha1 = (source: string) => createHash('sha1').update(source).digest('hex');

/**
 * EVAL script numkeys key … arg …: remembers the script in the server's cache (the mock
 * keeps one per connection), and runs it with Redis' reply conversion and `redis.call`
 * errors (see `lua-prelude.ts`).
 */
export const emulateEval: Emulation = async (context, args) => {
  const source = args[1] ?? '';
  const sha = sha1(source);
  context.server.scripts.set(sha, source);
  return runScript(context, 'EVAL', sha, source, args.slice(2));
};

/** EVALSHA sha numkeys …: runs a cached script, or rejects with NOSCRIPT like Redis. */
export const emulateEvalSha: Emulation = async (context, args) => {
  const sha = (args[1] ?? '').toLowerCase();
  const source = context.server.scripts.get(sha);
  if (source === undefined) throw classifyReplyError('NOSCRIPT No matching script. Please use EVAL.', 'EVALSHA');
  return runScript(context, 'EVALSHA', sha, source, args.slice(2));
};

/** SCRIPT LOAD / EXISTS / FLUSH on the server's script cache; the mock has no SCRIPT. */
export const emulateScript: Emulation = async ({ server }, args) => {
  const subcommand = (args[1] ?? '').toUpperCase();
  if (subcommand === 'LOAD' && args.length === 3) {
    const source = args[2] as string;
    const sha = sha1(source);
    server.scripts.set(sha, source);
    return sha;
  }
  if (subcommand === 'EXISTS' && args.length > 2) {
    return args.slice(2).map((sha) => (server.scripts.has(sha.toLowerCase()) ? 1 : 0));
  }
  if (subcommand === 'FLUSH') {
    server.scripts.clear();
    return 'OK';
  }
  throw unsupported(`SCRIPT ${subcommand}`);
};

async function runScript(context: MockContext, command: string, sha: string, source: string, tail: string[]) {
  const numkeys = parseInteger(tail[0]);
  if (numkeys === null) throw classifyReplyError('ERR value is not an integer or out of range', command);
  if (numkeys < 0n) throw classifyReplyError("ERR Number of keys can't be negative", command);
  if (numkeys > BigInt(tail.length - 1)) {
    throw classifyReplyError("ERR Number of keys can't be greater than number of args", command);
  }
  try {
    return toScriptReply(await dispatch(context.client, ['EVAL', wrapScript(source), ...tail]), command, sha);
  } catch (error) {
    throw error instanceof RedisCommandError ? toCompileError(error, command) : error;
  } finally {
    // Redis never rolls a script back: whatever it wrote counts for WATCH, even on error.
    context.server.watches.touch(tail.slice(1, 1 + Number(numkeys)));
  }
}
