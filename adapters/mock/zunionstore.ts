import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { keyType } from './key-types.js';
import type { Emulation } from './mock-context.js';
import { wrongType } from './mock-errors.js';
import type { MockClient } from './mock-server.js';
import { parseFloatArg, parseInteger, toMockFloat } from './redis-numbers.js';
import { readSortedSet, type Scored } from './sorted-set-range.js';

type Aggregate = (a: number, b: number) => number;
const aggregates: Record<string, Aggregate> = { SUM: (a, b) => a + b, MIN: Math.min, MAX: Math.max };

/**
 * ZUNIONSTORE destination numkeys key … [WEIGHTS w …] [AGGREGATE SUM|MIN|MAX]: missing in
 * the mock. Sources may be sorted sets or sets (members of a set score 1), as in Redis;
 * a NaN from `inf * 0` or `inf + -inf` counts as 0. An empty union deletes `destination`.
 */
export const emulateZUnionStore: Emulation = async ({ client }, args) => {
  const [, destination = '', numkeysText] = args;
  const numkeys = parseInteger(numkeysText);
  if (numkeys === null) throw error('ERR value is not an integer or out of range');
  if (numkeys < 1n) throw error("ERR at least 1 input key is needed for 'zunionstore' command");
  const keys = args.slice(3, 3 + Number(numkeys));
  if (keys.length < Number(numkeys)) throw error('ERR syntax error');
  // Redis reads every source (WRONGTYPE) before it parses WEIGHTS and AGGREGATE.
  const sources: Scored[][] = [];
  for (const key of keys) sources.push(await readSource(client, key));
  let weights = keys.map(() => 1);
  let aggregate = aggregates.SUM as Aggregate;
  for (let i = 3 + keys.length; i < args.length; i++) {
    const option = (args[i] as string).toUpperCase();
    if (option === 'WEIGHTS' && i + keys.length < args.length) {
      const parsed = args.slice(i + 1, i + 1 + keys.length).map(parseFloatArg);
      if (parsed.some((weight) => weight === null)) throw error('ERR weight value is not a float');
      weights = parsed as number[];
      i += keys.length;
    } else if (option === 'AGGREGATE' && aggregates[(args[i + 1] ?? '').toUpperCase()]) {
      aggregate = aggregates[(args[++i] as string).toUpperCase()] as Aggregate;
    } else throw error('ERR syntax error');
  }

  const union = new Map<string, number>();
  for (const [index, source] of sources.entries()) {
    for (const { member, score } of source) {
      const weighted = orZero(score * (weights[index] ?? 1));
      const previous = union.get(member);
      union.set(member, previous === undefined ? weighted : orZero(aggregate(previous, weighted)));
    }
  }
  await dispatch(client, ['DEL', destination]);
  if (union.size > 0) {
    const pairs = [...union].flatMap(([member, score]) => [toMockFloat(score), member]);
    await dispatch(client, ['ZADD', destination, ...pairs]);
  }
  return union.size;
};

async function readSource(client: MockClient, key: string): Promise<Scored[]> {
  const type = await keyType(client, key);
  if (type === 'zset') return readSortedSet(client, key);
  if (type === 'set') {
    const members = (await dispatch(client, ['SMEMBERS', key])) as string[];
    return members.map((member) => ({ member, score: 1 }));
  }
  if (type === 'none') return [];
  throw wrongType('ZUNIONSTORE');
}

const orZero = (value: number) => (Number.isNaN(value) ? 0 : value);

function error(message: string) {
  return classifyReplyError(message, 'ZUNIONSTORE');
}
