import type { RedisCommandError } from '../errors/redis-command-error.js';
import { RedisUnavailableError, type UnavailableReason } from '../errors/redis-unavailable-error.js';
import { classifyReplyError } from './classify-reply-error.js';

/**
 * Error replies that say "not now" rather than "wrong command": the server is out of
 * memory, busy with a script, loading its data, or a replica that cannot take the command.
 * The same command can succeed later, so they are `RedisUnavailableError`s (HTTP 503).
 */
const refusals: Readonly<Record<string, { reason: UnavailableReason; advice: string }>> = {
  OOM: { reason: 'oom', advice: 'Redis is at its maxmemory limit and refuses writes until memory is freed' },
  BUSY: { reason: 'busy', advice: 'a script is running too long; Redis answers nothing else until it ends' },
  LOADING: { reason: 'loading', advice: 'Redis is loading its dataset after a restart' },
  MASTERDOWN: { reason: 'masterdown', advice: 'this replica has lost its master' },
  READONLY: { reason: 'readonly', advice: 'this server is a read-only replica' },
  NOREPLICAS: { reason: 'readonly', advice: 'too few replicas are in sync to accept writes' },
};

/**
 * The adapter error for an error reply from Redis: a refusal for now (OOM, BUSY, LOADING,
 * MASTERDOWN, READONLY, NOREPLICAS) becomes a `RedisUnavailableError` whose message keeps
 * the reply's text; anything else a classified `RedisCommandError` (`classifyReplyError`).
 */
export function errorFromReply(
  message: string,
  command?: string,
  cause?: unknown,
): RedisCommandError | RedisUnavailableError {
  const code = /^([A-Z]+)\b/.exec(message)?.[1] ?? '';
  const refusal = Object.hasOwn(refusals, code) ? refusals[code] : undefined;
  if (!refusal) return classifyReplyError(message, command, cause);
  const what = command ? `refused ${command}` : 'refused the command';
  return new RedisUnavailableError(`Redis ${what}: ${message} (${refusal.advice}). Retry later.`, {
    ...(cause === undefined ? {} : { cause }),
    reason: refusal.reason,
  });
}
