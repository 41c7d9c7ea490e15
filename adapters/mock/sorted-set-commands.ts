import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { assertKeyTypes } from './key-types.js';
import type { Emulation } from './mock-context.js';
import { formatFloat, parseInteger } from './redis-numbers.js';
import { readSortedSet, scoreRange, withScores } from './sorted-set-range.js';

/** ZCOUNT key min max, with float and `inf` bounds (the mock truncates bounds to integers). */
export const emulateZCount: Emulation = async ({ client }, args) => {
  const [, key = '', min, max] = args;
  const inRange = scoreRange(min, max, 'ZCOUNT');
  await assertKeyTypes(client, 'ZCOUNT', args);
  return (await readSortedSet(client, key)).filter(inRange).length;
};

/** ZREMRANGEBYSCORE key min max, with float and `inf` bounds. */
export const emulateZRemRangeByScore: Emulation = async ({ client }, args) => {
  const [, key = '', min, max] = args;
  const inRange = scoreRange(min, max, 'ZREMRANGEBYSCORE');
  await assertKeyTypes(client, 'ZREMRANGEBYSCORE', args);
  const doomed = (await readSortedSet(client, key)).filter(inRange);
  if (doomed.length > 0) await dispatch(client, ['ZREM', key, ...doomed.map(({ member }) => member)]);
  return doomed.length;
};

/**
 * ZPOPMIN / ZPOPMAX key [count]. The mock pops everything for count 0, and replies with
 * number scores; Redis pops nothing for 0, refuses negatives, and replies with strings.
 */
export const emulateZPop: Emulation = async ({ client }, args) => {
  const [command = '', key = '', countText] = args;
  const count = countText === undefined ? 1n : parseInteger(countText);
  if (count === null) throw classifyReplyError('ERR value is not an integer or out of range', command);
  if (count < 0n) throw classifyReplyError('ERR value is out of range, must be positive', command);
  await assertKeyTypes(client, command, args);
  const all = await readSortedSet(client, key);
  const popped = command === 'ZPOPMAX' ? all.reverse().slice(0, Number(count)) : all.slice(0, Number(count));
  if (popped.length > 0) await dispatch(client, ['ZREM', key, ...popped.map(({ member }) => member)]);
  return withScores(popped);
};

/** ZSCORE and ZMSCORE: `inf` rather than the mock's `Infinity`. */
export const emulateZScore: Emulation = async ({ client }, args) => {
  await assertKeyTypes(client, (args[0] ?? '').toUpperCase(), args);
  const reply = await dispatch(client, args);
  const format = (raw: unknown) => (raw === null || raw === undefined ? null : formatFloat(Number(raw)));
  return Array.isArray(reply) ? reply.map(format) : format(reply);
};
