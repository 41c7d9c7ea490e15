/**
 * What one operation answered on one backend, in a form that is equal on two backends
 * exactly when they behaved alike: replies normalised where Redis leaves an order or a
 * timing open, errors by class and code (their wording is not compared).
 */
import { isDeepStrictEqual } from 'node:util';
import { RedisCommandError } from '../../adapters/errors/redis-command-error.js';
import { RedisError } from '../../adapters/errors/redis-error.js';
import type { Call } from './operation.js';

export type Outcome = { readonly value: unknown } | { readonly error: string; readonly message: string };

/** An error as compared: `RedisCommandError ERR`, `WrongTypeError WRONGTYPE`, `IntegerRangeError`, `TypeError`… */
export function errorOutcome(error: unknown): Outcome {
  const name = error instanceof Error ? error.name : typeof error;
  const code = error instanceof RedisCommandError ? ` ${error.code}` : '';
  const kind = error instanceof RedisError ? name : `${name} (not a RedisError)`;
  return { error: `${kind}${code}`, message: error instanceof Error ? error.message : String(error) };
}

/** Sorted copies of replies whose order Redis does not define. */
export function normaliseReply(call: Call, reply: unknown): unknown {
  switch (call.method) {
    case 'sMembers':
      return [...(reply as string[])].sort();
    case 'hGetAll':
      return Object.entries(reply as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    case 'ttl':
    case 'pTtl':
      // How much time is left depends on when each backend ran; that a TTL is set does not.
      return (reply as number) < 0 ? reply : 'a TTL ≥ 0';
    default:
      return reply;
  }
}

/** Whether two outcomes are the same, errors compared by class and code only. */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return isDeepStrictEqual(withoutMessages(a), withoutMessages(b));
}

/** A copy without error messages, at any depth (a batch's outcomes hold errors too). */
function withoutMessages(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMessages);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key]) => !('error' in value && key === 'message'));
  return Object.fromEntries(entries.map(([key, inner]) => [key, withoutMessages(inner)]));
}

/** An outcome in a line: the value as JSON, or the error class, code and message. */
export function describeOutcome(outcome: Outcome): string {
  if ('error' in outcome) return `rejects: ${outcome.error} (${outcome.message})`;
  return JSON.stringify(outcome.value, (_, value) => (typeof value === 'bigint' ? `${value}n` : value));
}
