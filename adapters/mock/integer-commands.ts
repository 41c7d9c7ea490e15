import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { assertKeyTypes } from './key-types.js';
import type { Emulation } from './mock-context.js';
import type { MockClient } from './mock-server.js';
import { fitsInt64, parseFloatArg, parseInteger } from './redis-numbers.js';

const notInteger = 'ERR value is not an integer or out of range';

/**
 * INCR, INCRBY, DECR, DECRBY and HINCRBY with Redis' checks. The mock adds to anything:
 * INCR on "8.5" gives 8.5, on "abc" null, and HINCRBY stores NaN. It also counts in
 * doubles, so a result beyond 2^53 is written here from exact 64-bit arithmetic.
 */
export const emulateIncrement: Emulation = async ({ client }, args) => {
  const [command = '', key = '', field = ''] = args;
  const hash = command === 'HINCRBY';
  const step = command === 'INCR' ? 1n : command === 'DECR' ? -1n : parseInteger(args[hash ? 3 : 2]);
  if (step === null) throw classifyReplyError(notInteger, command);
  await assertKeyTypes(client, command, args);
  const current = await dispatch(client, hash ? ['HGET', key, field] : ['GET', key]);
  const value = current === null || current === undefined ? 0n : parseInteger(String(current));
  if (value === null) throw classifyReplyError(hash ? 'ERR hash value is not an integer' : notInteger, command);
  const result = command === 'DECRBY' ? value - step : value + step;
  if (!fitsInt64(result) || (command === 'DECRBY' && !fitsInt64(-step))) {
    throw classifyReplyError('ERR increment or decrement would overflow', command);
  }
  if (Number.isSafeInteger(Number(result))) return dispatch(client, args);
  await (hash ? dispatch(client, ['HSET', key, field, String(result)]) : setKeepingTtl(client, key, String(result)));
  return Number(result);
};

/**
 * INCRBYFLOAT and HINCRBYFLOAT with Redis' checks, in Redis' order; the mock turns bad
 * input into "NaN".
 */
export const emulateFloatIncrement: Emulation = async ({ client }, args) => {
  const [command = '', key = '', field = ''] = args;
  const hash = command === 'HINCRBYFLOAT';
  const increment = parseFloatArg(args[hash ? 3 : 2]);
  if (hash && increment === null) throw classifyReplyError('ERR value is not a valid float', command);
  if (hash && !Number.isFinite(increment)) throw classifyReplyError('ERR value is NaN or Infinity', command);
  await assertKeyTypes(client, command, args);
  const current = await dispatch(client, hash ? ['HGET', key, field] : ['GET', key]);
  const value = current === null || current === undefined ? 0 : parseFloatArg(String(current));
  if (value === null || !Number.isFinite(value)) {
    throw classifyReplyError(hash ? 'ERR hash value is not a float' : 'ERR value is not a valid float', command);
  }
  if (increment === null) throw classifyReplyError('ERR value is not a valid float', command);
  if (!Number.isFinite(value + increment)) {
    throw classifyReplyError('ERR increment would produce NaN or Infinity', command);
  }
  return dispatch(client, args);
};

async function setKeepingTtl(client: MockClient, key: string, value: string): Promise<void> {
  const ttl = Number(await dispatch(client, ['PTTL', key]));
  await dispatch(client, ['SET', key, value]);
  if (ttl > 0) await dispatch(client, ['PEXPIRE', key, String(ttl)]);
}
