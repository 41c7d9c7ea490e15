import { createHash } from 'node:crypto';
import { classifyReplyError } from '../core/classify-reply-error.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { callLua, luaEngine } from './lua-engine.js';
import { compileError, fromScriptTokens, raisedError, type Token, toReplyTokens } from './lua-replies.js';
import type { Emulation, MockContext } from './mock-context.js';
import { unsupported } from './mock-errors.js';
import { parseInteger } from './redis-numbers.js';

const sha1 = (source: string) => createHash('sha1').update(source).digest('hex');

const UNKNOWN_COMMAND = 'ERR Unknown Redis command called from script';

/** Commands Redis refuses inside a script. */
const notInScripts = new Set(['EVAL', 'EVALSHA', 'EVAL_RO', 'EVALSHA_RO', 'SCRIPT', 'MULTI', 'EXEC', 'WATCH']);

/**
 * EVAL script numkeys key … arg …: compiles the script (a script that does not compile is
 * not cached, as on Redis), remembers it in the server's cache, and runs it.
 */
export const emulateEval: Emulation = async (context, args) => {
  const source = args[1] ?? '';
  const sha = await load(context, source, 'EVAL');
  return runScript(context, 'EVAL', sha, args.slice(2));
};

/** EVALSHA sha numkeys …: runs a cached script, or rejects with NOSCRIPT like Redis. */
export const emulateEvalSha: Emulation = async (context, args) => {
  const sha = (args[1] ?? '').toLowerCase();
  if (!context.server.scripts.has(sha)) {
    throw classifyReplyError('NOSCRIPT No matching script. Please use EVAL.', 'EVALSHA');
  }
  return runScript(context, 'EVALSHA', sha, args.slice(2));
};

/** SCRIPT LOAD / EXISTS / FLUSH on the server's script cache; the mock has no SCRIPT. */
export const emulateScript: Emulation = async (context, args) => {
  const subcommand = (args[1] ?? '').toUpperCase();
  if (subcommand === 'LOAD' && args.length === 3) return load(context, args[2] as string, 'SCRIPT');
  if (subcommand === 'EXISTS' && args.length > 2) {
    return args.slice(2).map((sha) => (context.server.scripts.has(sha.toLowerCase()) ? 1 : 0));
  }
  if (subcommand === 'FLUSH') {
    context.server.scripts.clear();
    return 'OK';
  }
  throw unsupported(`SCRIPT ${subcommand}`);
};

/** Compiles `source` and caches it by its SHA1; a compile error rejects and caches nothing. */
async function load({ server }: MockContext, source: string, command: string): Promise<string> {
  const sha = sha1(source);
  const [problem] = callLua(await luaEngine(), '__redis_compile', [sha, source]);
  if (typeof problem === 'string') throw compileError(problem, command);
  server.scripts.set(sha, source);
  return sha;
}

async function runScript(context: MockContext, command: string, sha: string, tail: string[]) {
  const numkeys = parseInteger(tail[0]);
  if (numkeys === null) throw classifyReplyError('ERR value is not an integer or out of range', command);
  if (numkeys < 0n) throw classifyReplyError("ERR Number of keys can't be negative", command);
  if (numkeys > BigInt(tail.length - 1)) {
    throw classifyReplyError("ERR Number of keys can't be greater than number of args", command);
  }
  const keys = tail.slice(1, 1 + Number(numkeys));
  const argv = tail.slice(1 + Number(numkeys));
  const failures: Error[] = [];
  const send = sendFromScript(context, failures);
  const lua = await luaEngine();
  try {
    // Each step answers 'call', id, command line… | 'reply', tokens… | 'raised', text, line.
    let step = callLua(lua, '__redis_start', [sha, keys.length, ...keys, ...argv]);
    while (step[0] === 'call') {
      const [, id, ...commandLine] = step;
      step = callLua(lua, '__redis_resume', [id as number, ...(await send(commandLine.map(String)))]);
    }
    if (step[0] === 'reply') return fromScriptTokens(step.slice(1), command);
    const [, text, line] = step;
    // A command the mock lacks: its own error says so better than Redis' "Unknown command".
    const lacking = failures.at(-1);
    if (lacking && text === UNKNOWN_COMMAND) throw lacking;
    throw raisedError(String(text), Number(line), sha, command);
  } finally {
    // Redis never rolls a script back: whatever it wrote counts for WATCH, even on error.
    context.server.watches.touch(keys);
  }
}

/**
 * `redis.call` and `redis.pcall` of one run: the command goes through the mock adapter's
 * own command path (every emulation applies), under the lock the script already holds.
 * Errors come back as Redis words them inside a script; an error that is not Redis' (a
 * command the mock lacks) is kept in `failures` to be thrown if it ends the script.
 */
function sendFromScript(context: MockContext, failures: Error[]) {
  return async (args: string[]): Promise<Token[]> => {
    const command = (args[0] ?? '').toUpperCase();
    if (notInScripts.has(command)) return ['-', 'ERR This Redis command is not allowed from script'];
    try {
      return toReplyTokens(args, await context.run(args));
    } catch (error) {
      if (!(error instanceof RedisCommandError)) {
        failures.push(error instanceof Error ? error : new Error(String(error)));
        return ['-', UNKNOWN_COMMAND];
      }
      if (error.message.startsWith('ERR wrong number of arguments')) {
        return ['-', 'ERR Wrong number of args calling Redis command from script'];
      }
      return ['-', error.message];
    }
  };
}
