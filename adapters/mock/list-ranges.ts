import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { assertKeyTypes } from './key-types.js';
import type { Emulation } from './mock-context.js';
import { parseInteger } from './redis-numbers.js';

/**
 * LRANGE and LTRIM with Redis' index rules: negative indexes count from the tail, and a
 * start before the head counts as the head. The mock does not clamp it: `LRANGE k -3 0`
 * on a list of two answers [] where Redis answers the head.
 */
function redisRange(length: number, start: bigint, stop: bigint): { from: number; to: number } | null {
  let from = Number(start < 0n ? start + BigInt(length) : start);
  const to = Number(stop < 0n ? stop + BigInt(length) : stop);
  if (from < 0) from = 0;
  if (from > to || from >= length) return null;
  return { from, to: Math.min(to, length - 1) };
}

async function readRange(args: string[]) {
  const [command = '', , start, stop] = args;
  const from = parseInteger(start);
  const to = parseInteger(stop);
  if (from === null || to === null) throw classifyReplyError('ERR value is not an integer or out of range', command);
  return { from, to };
}

export const emulateLRange: Emulation = async ({ client }, args) => {
  const { from, to } = await readRange(args);
  await assertKeyTypes(client, 'LRANGE', args);
  const list = (await dispatch(client, ['LRANGE', args[1] ?? '', '0', '-1'])) as string[];
  const range = redisRange(list.length, from, to);
  return range ? list.slice(range.from, range.to + 1) : [];
};

export const emulateLTrim: Emulation = async ({ client }, args) => {
  const { from, to } = await readRange(args);
  await assertKeyTypes(client, 'LTRIM', args);
  const key = args[1] ?? '';
  const length = Number(await dispatch(client, ['LLEN', key]));
  if (length === 0) return 'OK';
  const range = redisRange(length, from, to);
  if (!range) await dispatch(client, ['DEL', key]);
  else await dispatch(client, ['LTRIM', key, String(range.from), String(range.to)]);
  return 'OK';
};
