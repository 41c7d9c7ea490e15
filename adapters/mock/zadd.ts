import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { assertKeyTypes } from './key-types.js';
import type { Emulation } from './mock-context.js';
import type { MockClient } from './mock-server.js';
import { formatFloat, parseFloatArg, toMockFloat } from './redis-numbers.js';

const flagNames = new Set(['NX', 'XX', 'GT', 'LT', 'CH', 'INCR']);

/**
 * ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member …, as Redis 7. The mock rejects GT/LT
 * (or adds a member called "CH"), returns 0 for INCR, counts unchanged members under CH,
 * stores NaN for `inf` and for scores that are not floats. Here each member's score is
 * read, compared and written under the server lock, with plain `ZADD key score member`.
 */
export const emulateZAdd: Emulation = async ({ client }, args) => {
  const key = args[1] ?? '';
  let index = 2;
  const flags = new Set<string>();
  while (index < args.length && flagNames.has((args[index] as string).toUpperCase())) {
    flags.add((args[index++] as string).toUpperCase());
  }
  const pairs = args.slice(index);
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw error('ERR syntax error');
  const incr = flags.has('INCR');
  if (incr && pairs.length > 2) throw error('ERR INCR option supports a single increment-element pair');
  if (flags.has('NX') && flags.has('XX')) throw error('ERR XX and NX options at the same time are not compatible');
  if ((flags.has('GT') || flags.has('LT')) && (flags.has('NX') || (flags.has('GT') && flags.has('LT')))) {
    throw error('ERR GT, LT, and/or NX options at the same time are not compatible');
  }
  const scores = pairs.filter((_, i) => i % 2 === 0).map(parseFloatArg);
  if (scores.some((score) => score === null)) throw error('ERR value is not a valid float');
  await assertKeyTypes(client, 'ZADD', args);

  let added = 0;
  let changed = 0;
  let last: number | null = null;
  for (let i = 0; i < scores.length; i++) {
    const member = pairs[i * 2 + 1] as string;
    const current = await currentScore(client, key, member);
    let score = scores[i] as number;
    last = null;
    if (current === null) {
      if (flags.has('XX')) continue;
      added++;
    } else {
      if (flags.has('NX')) continue;
      if (incr) score += current;
      if (Number.isNaN(score)) throw error('ERR resulting score is not a number (NaN)');
      if ((flags.has('GT') && score <= current) || (flags.has('LT') && score >= current)) continue;
      if (score !== current) changed++;
    }
    await dispatch(client, ['ZADD', key, toMockFloat(score), member]);
    last = score;
  }
  if (incr) return last === null ? null : formatFloat(last);
  return flags.has('CH') ? added + changed : added;
};

/** ZINCRBY key increment member, with Redis' float checks; the mock stores NaN for `inf` or `abc`. */
export const emulateZIncrBy: Emulation = async ({ client }, args) => {
  const [, key = '', incrementText, member = ''] = args;
  const increment = parseFloatArg(incrementText);
  if (increment === null) throw error('ERR value is not a valid float', 'ZINCRBY');
  await assertKeyTypes(client, 'ZINCRBY', args);
  const score = ((await currentScore(client, key, member)) ?? 0) + increment;
  if (Number.isNaN(score)) throw error('ERR resulting score is not a number (NaN)', 'ZINCRBY');
  await dispatch(client, ['ZADD', key, toMockFloat(score), member]);
  return formatFloat(score);
};

/** A member's score, or `null` when it is not in the set. */
export async function currentScore(client: MockClient, key: string, member: string): Promise<number | null> {
  const raw = await dispatch(client, ['ZSCORE', key, member]);
  return raw === null || raw === undefined ? null : Number(raw);
}

function error(message: string, command = 'ZADD') {
  return classifyReplyError(message, command);
}
