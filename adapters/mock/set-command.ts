import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { keyType } from './key-types.js';
import type { Emulation } from './mock-context.js';
import { wrongType } from './mock-errors.js';
import { expiryFits, parseInteger } from './redis-numbers.js';

const expiryOptions = new Set(['EX', 'PX', 'EXAT', 'PXAT', 'KEEPTTL']);

/**
 * SET key value [NX|XX] [GET] [EX s|PX ms|EXAT|PXAT|KEEPTTL], checked as Redis checks it.
 * The mock accepts EX with PX, `EX 0` and `EX abc`; drops the TTL on KEEPTTL; and its GET
 * returns the new value. Here KEEPTTL re-applies the old TTL and GET returns the old value.
 */
export const emulateSet: Emulation = async ({ client }, args) => {
  const [, key = '', value = ''] = args;
  const forwarded = ['SET', key, value];
  let expiries = 0;
  let keepTtl = false;
  let get = false;
  let condition = '';
  for (let i = 3; i < args.length; i++) {
    const option = (args[i] as string).toUpperCase();
    if (option === 'NX' || option === 'XX') {
      if (condition && condition !== option) throw syntaxError();
      condition = option;
      forwarded.push(option);
    } else if (option === 'GET') get = true;
    else if (option === 'KEEPTTL') {
      expiries++;
      keepTtl = true;
    } else if (expiryOptions.has(option) && i + 1 < args.length) {
      expiries++;
      const amount = parseInteger(args[++i]);
      if (amount === null) throw classifyReplyError('ERR value is not an integer or out of range', 'SET');
      const unit = option === 'EX' || option === 'EXAT' ? 'seconds' : 'milliseconds';
      if (amount <= 0n || !expiryFits(amount, unit, option === 'EX' || option === 'PX')) {
        throw classifyReplyError("ERR invalid expire time in 'set' command", 'SET');
      }
      forwarded.push(option, String(amount));
    } else throw syntaxError();
  }
  if (expiries > 1) throw syntaxError();

  const type = get || keepTtl ? await keyType(client, key) : 'none';
  if (get && type !== 'none' && type !== 'string') throw wrongType('SET');
  const previous = get ? await dispatch(client, ['GET', key]) : null;
  const ttl = keepTtl && type !== 'none' ? Number(await dispatch(client, ['PTTL', key])) : -1;
  const reply = await dispatch(client, forwarded);
  if (reply !== null && ttl > 0) await dispatch(client, ['PEXPIRE', key, String(ttl)]);
  return get ? (previous ?? null) : reply;
};

function syntaxError() {
  return classifyReplyError('ERR syntax error', 'SET');
}
