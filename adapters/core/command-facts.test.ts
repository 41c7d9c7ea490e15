import { describe, expect, it } from 'vitest';
import type { BlockingCommands, RedisCommands } from '../redis-commands.js';
import { commandFacts } from './command-facts.js';
import { isKeyTypeDeclared } from './command-key-types.js';
import { blockingCommandTable, commandTable } from './command-table.js';

type Samples<Commands> = { [K in keyof Commands]: Commands[K] extends (...args: infer Args) => unknown ? Args : never };

/** One call of every command, so that each command line can be checked. The compiler lists them all. */
const samples: Samples<RedisCommands> = {
  get: ['k'],
  set: ['k', 'v', { px: 500, nx: true }],
  mGet: [['a', 'b']],
  incr: ['k'],
  incrBy: ['k', 2],
  incrByFloat: ['k', 1.5],
  del: ['a', 'b'],
  unlink: ['a'],
  exists: ['a'],
  expire: ['k', 10, 'nx'],
  pExpire: ['k', 10_000],
  ttl: ['k'],
  pTtl: ['k'],
  persist: ['k'],
  type: ['k'],
  scan: ['0', { match: 'a:*', count: 10 }],
  hSet: ['h', { f: 'v', g: 'w' }],
  hGet: ['h', 'f'],
  hMGet: ['h', ['f', 'g']],
  hGetAll: ['h'],
  hDel: ['h', 'f'],
  hIncrBy: ['h', 'f', 1],
  hLen: ['h'],
  hExists: ['h', 'f'],
  lPush: ['l', 'a', 'b'],
  rPush: ['l', 'a'],
  lPop: ['l'],
  rPop: ['l'],
  lRange: ['l', 0, -1],
  lLen: ['l'],
  lRem: ['l', 0, 'a'],
  lTrim: ['l', 0, 9],
  lMove: ['l', 'm', 'left', 'right'],
  sAdd: ['s', 'a'],
  sRem: ['s', 'a'],
  sMembers: ['s'],
  sIsMember: ['s', 'a'],
  sCard: ['s'],
  zAdd: ['z', [{ member: 'a', score: 1 }], { xx: true, gt: true }],
  zIncrBy: ['z', 1, 'a'],
  zScore: ['z', 'a'],
  zRank: ['z', 'a'],
  zRevRank: ['z', 'a'],
  zRange: ['z', 0, -1, { rev: true }],
  zRangeWithScores: ['z', '-inf', '+inf', { by: 'score', limit: { offset: 0, count: 5 } }],
  zCard: ['z'],
  zCount: ['z', 0, 10],
  zRem: ['z', 'a'],
  zRemRangeByScore: ['z', '-inf', 5],
  zPopMin: ['z', 2],
  zUnionStore: ['d', ['a', 'b'], { weights: [1, 2], aggregate: 'max' }],
  publish: ['channel', 'message'],
  evalSha: ['0123456789abcdef0123456789abcdef01234567', ['k'], ['1']],
  time: [],
  ping: [],
};

const blockingSamples: Samples<BlockingCommands> = {
  blMove: ['l', 'm', 'left', 'right', 1],
  blPop: [['a', 'b'], 0],
  brPop: [['a'], 0.5],
  bzPopMin: [['z'], 1],
};

type AnySpec = { toArgs(...args: unknown[]): string[] };
const lines = [
  ...Object.entries(samples).map(
    ([name, args]) => [name, (commandTable as Record<string, AnySpec>)[name]?.toArgs(...args)] as const,
  ),
  ...Object.entries(blockingSamples).map(
    ([name, args]) => [name, (blockingCommandTable as Record<string, AnySpec>)[name]?.toArgs(...args)] as const,
  ),
  // Sent by the adapter itself: scripts, WATCH, transactions.
  ['defineScript', ['EVAL', 'return 1', '0']] as const,
  ['watch', ['WATCH', 'k']] as const,
  ['unwatch', ['UNWATCH']] as const,
  ['multi', ['MULTI']] as const,
  ['exec', ['EXEC']] as const,
];

describe('command facts', () => {
  describe.each(lines)('%s', (_method, line) => {
    const name = line?.[0] ?? '';
    const facts = commandFacts(name);

    it('is a Redis command with facts', () => {
      expect(facts, `${name} has no entry in @ioredis/commands`).toBeDefined();
    });

    it('sends a command line of the right length (its arity)', () => {
      const arity = facts?.arity ?? Number.NaN;
      const words = line?.length ?? 0;
      if (arity >= 0) expect(words, `${name} takes exactly ${arity} words`).toBe(arity);
      else expect(words, `${name} takes at least ${-arity} words`).toBeGreaterThanOrEqual(-arity);
    });

    it('has its key type declared (one type, or any) in command-key-types.ts', () => {
      expect(isKeyTypeDeclared(name), `${name}: add it to command-key-types.ts`).toBe(true);
    });
  });

  it('reads key positions from the command list, movable keys included', () => {
    expect(commandFacts('MSET')?.keys(['MSET', 'a', '1', 'b', '2'])).toEqual(['a', 'b']);
    expect(commandFacts('EVALSHA')?.keys(['EVALSHA', 'sha', '2', 'k1', 'k2', 'arg'])).toEqual(['k1', 'k2']);
    expect(commandFacts('BLPOP')?.keys(['BLPOP', 'a', 'b', '0'])).toEqual(['a', 'b']);
    expect(commandFacts('ZUNIONSTORE')?.keys(['ZUNIONSTORE', 'd', '2', 'a', 'b'])).toEqual(['d', 'a', 'b']);
  });

  it('writes only the destination of a …STORE command', () => {
    expect(commandFacts('ZUNIONSTORE')?.writtenKeys(['ZUNIONSTORE', 'd', '2', 'a', 'b'])).toEqual(['d']);
    expect(commandFacts('SINTERSTORE')?.writtenKeys(['SINTERSTORE', 'd', 'a', 'b'])).toEqual(['d']);
    expect(commandFacts('LMOVE')?.writtenKeys(['LMOVE', 'a', 'b', 'LEFT', 'RIGHT'])).toEqual(['a', 'b']);
  });

  it('tells writes from reads', () => {
    expect(commandFacts('hset')?.writes).toBe(true);
    expect(commandFacts('HGETALL')?.writes).toBe(false);
  });

  it('knows the blocking pops, whose timeout is their last argument', () => {
    const pops = ['BLPOP', 'BRPOP', 'BLMOVE', 'BRPOPLPUSH', 'BZPOPMIN', 'BZPOPMAX'];
    for (const pop of pops) expect(commandFacts(pop)?.blockingPop, pop).toBe(true);
    for (const other of ['XREAD', 'BLMPOP', 'LPOP', 'WAIT'])
      expect(commandFacts(other)?.blockingPop, other).toBe(false);
  });

  it('knows no facts of a command Redis does not have', () => {
    expect(commandFacts('NOSUCHCOMMAND')).toBeUndefined();
  });
});
