import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { readHash, writeHash } from './hash-commands.js';
import { assertKeyTypes } from './key-types.js';
import { longDoubleSum } from './long-double.js';
import type { Emulation } from './mock-context.js';
import type { MockClient } from './mock-server.js';
import { fitsInt64, formatLongDouble, parseInteger, parseLongDouble } from './redis-numbers.js';

const notInteger = 'ERR value is not an integer or out of range';

/**
 * INCR, INCRBY, DECR, DECRBY and HINCRBY with Redis' checks. The mock adds to anything:
 * INCR on "8.5" gives 8.5, on "abc" null, and HINCRBY stores NaN. It also counts in
 * doubles, so every result is computed here in exact 64-bit arithmetic and written as text
 * (a reply beyond 2^53 is a bigint: the adapter's integer rule decides what the caller gets).
 */
export const emulateIncrement: Emulation = async ({ client }, args) => {
  const [command = '', key = '', field = ''] = args;
  const hash = command === 'HINCRBY';
  const step = command === 'INCR' ? 1n : command === 'DECR' ? -1n : parseInteger(args[hash ? 3 : 2]);
  if (step === null) throw classifyReplyError(notInteger, command);
  await assertKeyTypes(client, command, args);
  const current = await readCurrent(client, key, hash ? field : undefined);
  const value = current === null ? 0n : parseInteger(current);
  if (value === null) throw classifyReplyError(hash ? 'ERR hash value is not an integer' : notInteger, command);
  const result = command === 'DECRBY' ? value - step : value + step;
  if (!fitsInt64(result) || (command === 'DECRBY' && !fitsInt64(-step))) {
    throw classifyReplyError('ERR increment or decrement would overflow', command);
  }
  await writeCurrent(client, key, hash ? field : undefined, String(result));
  return Number.isSafeInteger(Number(result)) ? Number(result) : result;
};

/**
 * INCRBYFLOAT and HINCRBYFLOAT with Redis' checks, in Redis' order; the mock turns bad
 * input into "NaN", refuses hexadecimal ("0x1A", which Redis' strtold reads) and writes
 * "1e+21" where Redis writes every digit.
 */
export const emulateFloatIncrement: Emulation = async ({ client }, args) => {
  const [command = '', key = '', field = ''] = args;
  const hash = command === 'HINCRBYFLOAT';
  const increment = parseLongDouble(args[hash ? 3 : 2]);
  if (hash && increment === null) throw classifyReplyError('ERR value is not a valid float', command);
  if (hash && !Number.isFinite(increment)) throw classifyReplyError('ERR value is NaN or Infinity', command);
  await assertKeyTypes(client, command, args);
  const current = await readCurrent(client, key, hash ? field : undefined);
  const value = current === null ? 0 : parseLongDouble(current);
  if (value === null || !Number.isFinite(value)) {
    throw classifyReplyError(hash ? 'ERR hash value is not a float' : 'ERR value is not a valid float', command);
  }
  if (increment === null) throw classifyReplyError('ERR value is not a valid float', command);
  if (!Number.isFinite(value + increment)) {
    throw classifyReplyError('ERR increment would produce NaN or Infinity', command);
  }
  const result = longDoubleSum(current ?? '0', args[hash ? 3 : 2] as string) ?? formatLongDouble(value + increment);
  await writeCurrent(client, key, hash ? field : undefined, result);
  return result;
};

/** The string at `key`, or the hash field `field` of it; `null` when missing. */
async function readCurrent(client: MockClient, key: string, field: string | undefined): Promise<string | null> {
  if (field !== undefined) return readHash(client, key).get(field) ?? null;
  const current = await dispatch(client, ['GET', key]);
  return current === null || current === undefined ? null : String(current);
}

/** Writes the string at `key`, or the hash field `field` of it, keeping the key's TTL. */
async function writeCurrent(client: MockClient, key: string, field: string | undefined, value: string): Promise<void> {
  if (field === undefined) return setKeepingTtl(client, key, value);
  const fields = readHash(client, key);
  fields.set(field, value);
  writeHash(client, key, fields);
}

async function setKeepingTtl(client: MockClient, key: string, value: string): Promise<void> {
  const ttl = Number(await dispatch(client, ['PTTL', key]));
  await dispatch(client, ['SET', key, value]);
  if (ttl > 0) await dispatch(client, ['PEXPIRE', key, String(ttl)]);
}
