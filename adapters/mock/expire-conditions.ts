import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import type { Emulation } from './mock-context.js';
import type { MockClient } from './mock-server.js';
import { expiryFits, parseInteger } from './redis-numbers.js';

/** How each command's time argument becomes a TTL in milliseconds from `now`. */
const toTtlMs: Record<string, (time: number, now: number) => number> = {
  EXPIRE: (seconds) => seconds * 1000,
  PEXPIRE: (ms) => ms,
  EXPIREAT: (unixSeconds, now) => unixSeconds * 1000 - now,
  PEXPIREAT: (unixMs, now) => unixMs - now,
};

/**
 * EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with the Redis 7 conditions NX, XX, GT, LT (a key
 * without TTL counts as an infinite TTL). The mock ignores the condition and always sets,
 * accepts times that overflow, and keeps a key whose TTL is ≤ 0 (see `deleteNow`).
 */
export const emulateExpire: Emulation = async ({ client }, args) => {
  const [command = '', key = '', time] = args;
  const amount = parseInteger(time);
  if (amount === null) throw classifyReplyError('ERR value is not an integer or out of range', command);
  const flags = new Set<string>();
  for (const option of args.slice(3)) {
    const flag = option.toUpperCase();
    if (!['NX', 'XX', 'GT', 'LT'].includes(flag)) throw classifyReplyError(`ERR Unsupported option ${option}`, command);
    flags.add(flag);
  }
  if (flags.has('NX') && flags.size > 1) {
    throw classifyReplyError('ERR NX and XX, GT or LT options at the same time are not compatible', command);
  }
  if (flags.has('GT') && flags.has('LT')) {
    throw classifyReplyError('ERR GT and LT options at the same time are not compatible', command);
  }
  const unit = command === 'EXPIRE' || command === 'EXPIREAT' ? 'seconds' : 'milliseconds';
  if (!expiryFits(amount, unit, command === 'EXPIRE' || command === 'PEXPIRE')) {
    throw classifyReplyError(`ERR invalid expire time in '${command.toLowerCase()}' command`, command);
  }
  const plain = args.slice(0, 3);
  const ttl = toTtlMs[command]?.(Number(amount), Date.now()) ?? 0;
  if (flags.size === 0) return ttl <= 0 ? deleteNow(client, key) : dispatch(client, plain);

  const current = Number(await dispatch(client, ['PTTL', key]));
  if (current === -2) return 0;
  const hasTtl = current >= 0;
  if (flags.has('NX') && hasTtl) return 0;
  if (flags.has('XX') && !hasTtl) return 0;
  if (flags.has('GT') && (!hasTtl || ttl <= current)) return 0;
  if (flags.has('LT') && hasTtl && ttl >= current) return 0;
  return ttl <= 0 ? deleteNow(client, key) : dispatch(client, plain);
};

/**
 * A TTL ≤ 0 deletes the key at once, as in Redis. The mock instead keeps the key with an
 * expiry in the past, and a later `SET … EX` on it is lost: the stale expiry deletes the
 * new value.
 */
async function deleteNow(client: MockClient, key: string): Promise<number> {
  return Number(await dispatch(client, ['DEL', key]));
}
