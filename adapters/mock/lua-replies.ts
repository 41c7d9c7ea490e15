import { classifyReplyError } from '../core/classify-reply-error.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { RAISED_ERROR, RETURNED_ERROR } from './lua-prelude.js';

/**
 * The mock's reply to a wrapped script (see `lua-prelude.ts`) as a Redis reply: strings,
 * integers, nil, arrays, or the script's error, thrown as Redis words it.
 */
export function toScriptReply(raw: unknown, command: string, sha: string): unknown {
  if (Array.isArray(raw) && raw.length === 2 && raw[0] === RAISED_ERROR) {
    throw raisedError(String(raw[1]), command, sha);
  }
  const reply = convert(raw, command);
  if (reply instanceof Error) throw reply;
  return reply;
}

function convert(raw: unknown, command: string): unknown {
  if (raw === undefined || raw === null || raw === false) return null;
  if (raw === true) return 1;
  if (typeof raw === 'number') return Number.isFinite(raw) ? Math.trunc(raw) : raw;
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    if (raw.length === 2 && raw[0] === RETURNED_ERROR) return classifyReplyError(String(raw[1]), command);
    return raw.map((item) => convert(item, command));
  }
  return new RedisCommandError('ERR', 'ERR the in-memory mock could not convert the script reply', command);
}

/** An error raised while the script ran: `ERR user_script:3: boom script: <sha>`, as Redis says it. */
function raisedError(text: string, command: string, sha: string): RedisCommandError {
  const position = /^\[string ".*?"\]:(\d+): (.*)$/s.exec(text);
  const message = position ? `ERR user_script:${position[1]}: ${position[2]}` : text;
  return classifyReplyError(`${message} script: ${sha}`, command);
}

/**
 * A script that did not compile, from the mock (`Error trying to loading or executing lua
 * code string in VM: [string "…"]:1: '}' expected`) worded like Redis' `ERR Error compiling
 * script (new function): user_script:1: '}' expected`.
 */
export function toCompileError(error: RedisCommandError, command: string): RedisCommandError {
  const vm = /^ERR Error trying to loading or executing lua code string in VM: (.*)$/s.exec(error.message);
  if (!vm) return error;
  const detail = (vm[1] ?? '').replace(/^\[string ".*?"\]:(\d+):/s, 'user_script:$1:');
  return new RedisCommandError('ERR', `ERR Error compiling script (new function): ${detail}`, command, {
    cause: error,
  });
}
