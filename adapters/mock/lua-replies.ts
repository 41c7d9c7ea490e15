/**
 * The two conversions at the edge of the mock's Lua VM, as Redis makes them: a command's
 * reply into the Lua value `redis.call` returns, and a script's result (already converted
 * by `lua/reply.lua`) into the reply the client gets.
 */
import { classifyReplyError } from '../core/classify-reply-error.js';
import type { RedisCommandError } from '../errors/redis-command-error.js';

/** What `redis.call` gets back from JS: a value wasmoon can push (no `null`), or an error's text. */
export type LuaCallAnswer = { value: LuaValue } | { err: string };
export type LuaValue = string | number | false | { ok: string } | LuaValue[];

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
  statusReplies.has((args[0] ?? '').toUpperCase()) &&
  !args.some((arg) => arg.toUpperCase() === 'GET');

/**
 * A command's reply as Lua sees it: integers as numbers, bulk strings as strings, nil as
 * `false`, arrays as tables, a status as `{ ok = … }`; a hash (the mock answers HGETALL
 * with an object) as the flat array Redis sends.
 */
export function toLuaValue(args: string[], reply: unknown): LuaValue {
  if (isStatusReply(args, reply)) return { ok: reply as string };
  return toPlainLuaValue(reply);
}

function toPlainLuaValue(reply: unknown): LuaValue {
  if (reply === null || reply === undefined || reply === false) return false;
  if (reply === true) return 1;
  if (typeof reply === 'number' || typeof reply === 'string') return reply;
  if (Buffer.isBuffer(reply)) return reply.toString();
  if (Array.isArray(reply)) return reply.map(toPlainLuaValue);
  if (typeof reply === 'object') return Object.entries(reply).flat().map(toPlainLuaValue);
  return String(reply);
}

/**
 * The reply to a script that returned `value` (see `lua/reply.lua`): strings, integers,
 * null and arrays; an error returned at the top (`return redis.error_reply(…)`) is thrown,
 * and one inside an array stays there as a `RedisCommandError`, as clients give it.
 */
export function toScriptReply(value: unknown, command: string): unknown {
  const reply = convert(value, command);
  if (reply instanceof Error) throw reply;
  return reply;
}

function convert(value: unknown, command: string): unknown {
  if (value === false || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map((item) => convert(item, command));
  const error = (value as { __error?: unknown }).__error;
  if (typeof error === 'string') return classifyReplyError(error, command);
  // An empty Lua table, or one wasmoon hands over as an object with keys "1", "2", …
  return Object.keys(value as object)
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => convert((value as Record<string, unknown>)[key], command));
}

/** An error raised in the script, worded as Redis 7 words it: `… script: <sha>, on @user_script:<line>.` */
export function raisedError(text: string, line: number, sha: string, command: string): RedisCommandError {
  return classifyReplyError(`${text} script: ${sha}, on @user_script:${line}.`, command);
}

/** A script that did not compile: `ERR Error compiling script (new function): user_script:1: …`. */
export function compileError(detail: string, command: string): RedisCommandError {
  return classifyReplyError(`ERR Error compiling script (new function): ${detail}`, command);
}
