/**
 * The two conversions at the edge of the mock's Lua VM, as Redis makes them: a command's
 * reply into what `redis.call` returns, and a script's value into the reply the client
 * gets. Values cross as flat lists of tokens in RESP's shape (see `lua/reply.lua`):
 * `'$', s` a string, `':', n` an integer, `'_'` nil, `'+', s` a status, `'-', s` an
 * error, `'*', n` an array of the n values that follow.
 */
import { classifyReplyError } from '../core/classify-reply-error.js';
import { commandNameOf } from '../core/command-facts.js';
import type { RedisCommandError } from '../errors/redis-command-error.js';

export type Token = string | number;

/** Commands whose reply is a status (`+OK`), which Lua sees as `{ ok = 'OK' }`. */
const statusReplies = new Set([
  'SET',
  'SETEX',
  'PSETEX',
  'MSET',
  'HMSET',
  'LSET',
  'LTRIM',
  'RENAME',
  'TYPE',
  'PING',
  'FLUSHDB',
  'FLUSHALL',
]);

const isStatusReply = (args: string[], reply: unknown) =>
  typeof reply === 'string' &&
  statusReplies.has(commandNameOf(args)) &&
  !args.some((arg) => arg.toUpperCase() === 'GET');

/**
 * The tokens of a command's reply for `redis.call`: integers, bulk strings, nil, arrays,
 * a status for the commands that answer one; a hash (the mock answers HGETALL with an
 * object) as the flat array Redis sends.
 */
export function toReplyTokens(args: string[], reply: unknown): Token[] {
  if (isStatusReply(args, reply)) return ['+', reply as string];
  const tokens: Token[] = [];
  appendTokens(reply, tokens);
  return tokens;
}

function appendTokens(reply: unknown, tokens: Token[]): void {
  if (reply === null || reply === undefined || reply === false) tokens.push('_');
  else if (reply === true) tokens.push(':', 1);
  else if (typeof reply === 'number') tokens.push(':', reply);
  // An exact 64-bit result (INCR past 2^53): Redis' Lua 5.1 gets it as a double.
  else if (typeof reply === 'bigint') tokens.push(':', Number(reply));
  else if (typeof reply === 'string') tokens.push('$', reply);
  else if (Buffer.isBuffer(reply)) tokens.push('$', reply.toString());
  else if (reply instanceof Error) tokens.push('-', reply.message);
  else if (Array.isArray(reply)) {
    tokens.push('*', reply.length);
    for (const item of reply) appendTokens(item, tokens);
  } else if (typeof reply === 'object') appendTokens(Object.entries(reply).flat(), tokens);
  else tokens.push('$', String(reply));
}

/**
 * The reply to a script whose value Lua encoded as `tokens`: strings, integers, null and
 * arrays; an error at the top (`return redis.error_reply(…)`) is thrown, one inside an
 * array stays there as a `RedisCommandError`, as clients hand it over.
 */
export function fromScriptTokens(tokens: readonly Token[], command: string): unknown {
  const [reply] = readValue(tokens, 0, command);
  if (reply instanceof Error) throw reply;
  return reply;
}

function readValue(tokens: readonly Token[], index: number, command: string): [unknown, number] {
  const kind = tokens[index];
  const value = tokens[index + 1];
  if (kind === '_') return [null, index + 1];
  if (kind === ':') return [Object.is(value, -0) ? 0 : value, index + 2];
  if (kind === '$' || kind === '+') return [value, index + 2];
  if (kind === '-') return [classifyReplyError(String(value), command), index + 2];
  const array: unknown[] = [];
  let next = index + 2;
  for (let i = 0; i < Number(value); i++) {
    const [item, after] = readValue(tokens, next, command);
    array.push(item);
    next = after;
  }
  return [array, next];
}

/** An error raised in the script, worded as Redis 7 words it: `… script: <sha>, on @user_script:<line>.` */
export function raisedError(text: string, line: number, sha: string, command: string): RedisCommandError {
  return classifyReplyError(`${text} script: ${sha}, on @user_script:${line}.`, command);
}

/** A script that did not compile: `ERR Error compiling script (new function): user_script:1: …`. */
export function compileError(detail: string, command: string): RedisCommandError {
  return classifyReplyError(`ERR Error compiling script (new function): ${detail}`, command);
}
