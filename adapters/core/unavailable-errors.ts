import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';

/**
 * The `RedisUnavailableError`s of the real clients, worded the same for both: what went
 * wrong, where, and what to do about it.
 */
export const unavailable = {
  /** No connection within the command's deadline. */
  unreachable(endpoint: string, reason: string, cause?: unknown): RedisUnavailableError {
    return new RedisUnavailableError(
      `Redis at ${endpoint} is unreachable (${reason}). Is it running? Commands fail fast while it is down; the adapter reconnects by itself.`,
      { cause, reason: 'connection' },
    );
  },
  /** Sent, but no reply within the deadline: it may or may not have run. */
  noAnswer(endpoint: string, command: string, ms: number): RedisUnavailableError {
    return new RedisUnavailableError(
      `Redis at ${endpoint} did not answer ${command} within ${ms} ms, so it may or may not have run. Is the server overloaded or stuck (a long script, DEBUG SLEEP)?`,
      { reason: 'timeout' },
    );
  },
  /** The connection dropped while the command was on its way. */
  lost(endpoint: string, command: string, reason: string, cause?: unknown): RedisUnavailableError {
    return new RedisUnavailableError(
      `Redis at ${endpoint} dropped the connection during ${command}${reason === connectionLost ? '' : ` (${reason})`}, so it may or may not have run. The adapter reconnects by itself; retry if that is safe.`,
      { cause, reason: 'connection' },
    );
  },
  /** `close()` was called on this connection. */
  closed(endpoint: string, command: string): RedisUnavailableError {
    return new RedisUnavailableError(
      `${command} failed: this connection to Redis at ${endpoint} was closed. Closed adapters and connections do not reopen; create a new one.`,
      { reason: 'connection' },
    );
  },
};

/** The reason given when nothing more telling is known. */
export const connectionLost = 'connection lost';

const reasonsByCode: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ETIMEDOUT: 'connect timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** A short human reason for a client's connection error: `connection refused`, … */
export function describeConnectionFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && reasonsByCode[code]) return reasonsByCode[code];
  const message = error instanceof Error ? error.message : String(error);
  if (/protocol error|unknown resp type/i.test(message)) return 'not a Redis server: wrong port?';
  if (/timeout|timed out/i.test(message)) return 'connect timed out';
  if (/closed|ended|max retries|offline|writeable|disconnect/i.test(message)) return connectionLost;
  return message || 'unknown connection error';
}
