import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { assertKeyTypes } from './key-types.js';
import type { Emulation } from './mock-context.js';
import type { MockClient } from './mock-server.js';
import { formatFloat, parseInteger, parseScoreBound } from './redis-numbers.js';

export interface Scored {
  member: string;
  score: number;
}

/**
 * Every member of the sorted set at `key`, lowest score first, ties by member in byte
 * order as Redis compares them (the mock compares UTF-16 units: 'Ａ' after '😀'). Its
 * score ranges are wrong too (bounds truncated to integers, `-inf`/`+inf` exclusive,
 * `ZPOPMIN key 0` pops all), so ranges are cut here from the whole set.
 */
export async function readSortedSet(client: MockClient, key: string): Promise<Scored[]> {
  const flat = (await dispatch(client, ['ZRANGE', key, '0', '-1', 'WITHSCORES'])) as string[];
  const members: Scored[] = [];
  for (let i = 0; i < flat.length; i += 2) members.push({ member: String(flat[i]), score: Number(flat[i + 1]) });
  return members.sort((a, b) => a.score - b.score || Buffer.compare(Buffer.from(a.member), Buffer.from(b.member)));
}

/** A test for `min` ≤ score ≤ `max` (bounds as `5`, `(5`, `-inf`, `+inf`); rejects bounds that are not floats. */
export function scoreRange(min: string | undefined, max: string | undefined, command: string) {
  const low = parseScoreBound(min);
  const high = parseScoreBound(max);
  if (!low || !high) throw classifyReplyError('ERR min or max is not a float', command);
  return ({ score }: Scored) =>
    (low.exclusive ? score > low.value : score >= low.value) &&
    (high.exclusive ? score < high.value : score <= high.value);
}

/** A flat `[member, score, …]` reply, scores written as Redis writes them. */
export function withScores(members: Scored[]): string[] {
  return members.flatMap(({ member, score }) => [member, formatFloat(score)]);
}

/** The old forms, rewritten as Redis 6.2's ZRANGE. */
const legacyForms: Record<string, (args: string[]) => string[]> = {
  ZRANGEBYSCORE: ([, key = '', min = '', max = '', ...rest]) => ['ZRANGE', key, min, max, 'BYSCORE', ...rest],
  ZREVRANGEBYSCORE: ([, key = '', max = '', min = '', ...rest]) => ['ZRANGE', key, max, min, 'BYSCORE', 'REV', ...rest],
  ZREVRANGE: ([, key = '', start = '', stop = '', ...rest]) => ['ZRANGE', key, start, stop, 'REV', ...rest],
};

const notInteger = 'ERR value is not an integer or out of range';

/**
 * ZRANGE key start stop [BYSCORE] [REV] [LIMIT offset count] [WITHSCORES], and
 * ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZREVRANGE. BYLEX is left to the mock.
 */
export const emulateZRange: Emulation = async ({ client }, args) => {
  const command = (args[0] ?? '').toUpperCase();
  const line = legacyForms[command]?.(args) ?? args;
  const [, key = '', start, stop] = line;
  const options = line.slice(4).map((option) => option.toUpperCase());
  if (options.includes('BYLEX')) {
    await assertKeyTypes(client, command, args);
    return dispatch(client, args);
  }
  const limitAt = options.indexOf('LIMIT');
  const inLimit = (i: number) => limitAt >= 0 && i > limitAt && i <= limitAt + 2;
  if (options.some((option, i) => !['BYSCORE', 'REV', 'WITHSCORES', 'LIMIT'].includes(option) && !inLimit(i))) {
    throw classifyReplyError('ERR syntax error', command);
  }
  const rev = options.includes('REV');
  let select: (members: Scored[]) => Scored[];
  if (options.includes('BYSCORE')) {
    const inRange = rev ? scoreRange(stop, start, command) : scoreRange(start, stop, command);
    const offset = limitAt >= 0 ? parseInteger(line[limitAt + 5]) : 0n;
    const count = limitAt >= 0 ? parseInteger(line[limitAt + 6]) : -1n;
    if (offset === null || count === null) throw classifyReplyError(notInteger, command);
    select = (members) => {
      const ordered = (rev ? members.reverse() : members).filter(inRange);
      if (offset < 0n) return [];
      return ordered.slice(Number(offset), count < 0n ? undefined : Number(offset + count));
    };
  } else {
    const offset = limitAt >= 0 ? parseInteger(line[limitAt + 5]) : 0n;
    const count = limitAt >= 0 ? parseInteger(line[limitAt + 6]) : -1n;
    if (offset === null || count === null) throw classifyReplyError(notInteger, command);
    // Redis refuses a LIMIT on a rank range unless it is the no-op `LIMIT 0 -1`.
    if (offset !== 0n || count !== -1n) {
      const message = 'ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX';
      throw classifyReplyError(message, command);
    }
    const from = parseInteger(start);
    const to = parseInteger(stop);
    if (from === null || to === null) throw classifyReplyError(notInteger, command);
    select = (members) => byRank(rev ? members.reverse() : members, Number(from), Number(to));
  }
  await assertKeyTypes(client, command, args);
  const selected = select(await readSortedSet(client, key));
  return options.includes('WITHSCORES') ? withScores(selected) : selected.map(({ member }) => member);
};

/** ZRANK / ZREVRANK key member: the rank in Redis' order (ties by bytes). */
export const emulateZRank: Emulation = async ({ client }, args) => {
  const [command = '', key = '', member = ''] = args;
  await assertKeyTypes(client, command, args);
  const members = await readSortedSet(client, key);
  const rank = members.findIndex((scored) => scored.member === member);
  if (rank < 0) return null;
  return command.toUpperCase() === 'ZREVRANK' ? members.length - 1 - rank : rank;
};

/** Redis' index rules: negative counts from the end, out-of-range is clamped, empty when crossed. */
function byRank(members: Scored[], start: number, stop: number): Scored[] {
  const length = members.length;
  const from = Math.max(start < 0 ? start + length : start, 0);
  const to = Math.min(stop < 0 ? stop + length : stop, length - 1);
  return from > to || from >= length ? [] : members.slice(from, to + 1);
}
