/**
 * Every command of `RedisCommands` as data: how its arguments become a Redis command line,
 * and how the raw reply becomes the normalised one. Adapters, transactions and pipelines
 * all use this one table, so a reply is normalised the same way everywhere.
 */
import type {
  BlockingCommands,
  ExpireCondition,
  RedisCommands,
  ScanOptions,
  SetOptions,
  ZAddOptions,
  ZRangeOptions,
  ZUnionStoreOptions,
} from '../redis-commands.js';
import * as reply from './replies.js';

export interface CommandSpec<Args extends unknown[], Result> {
  /** The command line: `['SET', 'k', 'v', 'PX', '500']`. */
  toArgs(...args: Args): string[];
  /** Raw reply → normalised reply. */
  parse(raw: unknown): Result;
}

/** A spec for every method of `Commands` (an interface of command methods). */
export type TableOf<Commands> = {
  [K in keyof Commands]: Commands[K] extends (...args: infer Args) => Promise<infer Result>
    ? CommandSpec<Args, Result>
    : never;
};

export type CommandTable = TableOf<RedisCommands>;

export type CommandName = keyof RedisCommands;

const str = (value: number): string => {
  if (value === Number.POSITIVE_INFINITY) return '+inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  return String(value);
};

const bound = (value: number | string): string => (typeof value === 'number' ? str(value) : value);

function setArgs(key: string, value: string, options: SetOptions = {}): string[] {
  const args = ['SET', key, value];
  if (options.ex !== undefined) args.push('EX', str(options.ex));
  if (options.px !== undefined) args.push('PX', str(options.px));
  if (options.keepTtl) args.push('KEEPTTL');
  if (options.nx) args.push('NX');
  if (options.xx) args.push('XX');
  return args;
}

function expireArgs(command: string, key: string, ttl: number, condition?: ExpireCondition): string[] {
  const args = [command, key, str(ttl)];
  if (condition) args.push(condition.toUpperCase());
  return args;
}

function scanArgs(cursor: string, options: ScanOptions = {}): string[] {
  const args = ['SCAN', cursor];
  if (options.match !== undefined) args.push('MATCH', options.match);
  if (options.count !== undefined) args.push('COUNT', str(options.count));
  if (options.type !== undefined) args.push('TYPE', options.type);
  return args;
}

function zAddArgs(key: string, members: { member: string; score: number }[], options: ZAddOptions = {}): string[] {
  const args = ['ZADD', key];
  if (options.nx) args.push('NX');
  if (options.xx) args.push('XX');
  if (options.gt) args.push('GT');
  if (options.lt) args.push('LT');
  if (options.ch) args.push('CH');
  for (const { member, score } of members) args.push(str(score), member);
  return args;
}

function zRangeArgs(key: string, start: number | string, stop: number | string, options: ZRangeOptions = {}): string[] {
  const args = ['ZRANGE', key, bound(start), bound(stop)];
  if (options.by === 'score') args.push('BYSCORE');
  if (options.rev) args.push('REV');
  if (options.limit) args.push('LIMIT', str(options.limit.offset), str(options.limit.count));
  return args;
}

function zUnionStoreArgs(destination: string, keys: string[], options: ZUnionStoreOptions = {}): string[] {
  const args = ['ZUNIONSTORE', destination, str(keys.length), ...keys];
  if (options.weights) args.push('WEIGHTS', ...options.weights.map(str));
  if (options.aggregate) args.push('AGGREGATE', options.aggregate.toUpperCase());
  return args;
}

export const commandTable: CommandTable = {
  get: { toArgs: (key) => ['GET', key], parse: reply.toNullableString },
  set: { toArgs: setArgs, parse: reply.toOk },
  mGet: { toArgs: (keys) => ['MGET', ...keys], parse: reply.toNullableStringArray },
  incr: { toArgs: (key) => ['INCR', key], parse: reply.toInteger },
  incrBy: { toArgs: (key, increment) => ['INCRBY', key, str(increment)], parse: reply.toInteger },
  incrByFloat: { toArgs: (key, increment) => ['INCRBYFLOAT', key, str(increment)], parse: reply.toNumber },

  del: { toArgs: (...keys) => ['DEL', ...keys], parse: reply.toInteger },
  unlink: { toArgs: (...keys) => ['UNLINK', ...keys], parse: reply.toInteger },
  exists: { toArgs: (...keys) => ['EXISTS', ...keys], parse: reply.toInteger },
  expire: {
    toArgs: (key, seconds, condition) => expireArgs('EXPIRE', key, seconds, condition),
    parse: reply.toBoolean,
  },
  pExpire: { toArgs: (key, ms, condition) => expireArgs('PEXPIRE', key, ms, condition), parse: reply.toBoolean },
  ttl: { toArgs: (key) => ['TTL', key], parse: reply.toInteger },
  pTtl: { toArgs: (key) => ['PTTL', key], parse: reply.toInteger },
  persist: { toArgs: (key) => ['PERSIST', key], parse: reply.toBoolean },
  type: { toArgs: (key) => ['TYPE', key], parse: reply.toStringValue },
  scan: { toArgs: scanArgs, parse: reply.toScanPage },

  hSet: { toArgs: (key, fields) => ['HSET', key, ...Object.entries(fields).flat()], parse: reply.toInteger },
  hGet: { toArgs: (key, field) => ['HGET', key, field], parse: reply.toNullableString },
  hMGet: { toArgs: (key, fields) => ['HMGET', key, ...fields], parse: reply.toNullableStringArray },
  hGetAll: { toArgs: (key) => ['HGETALL', key], parse: reply.toHash },
  hDel: { toArgs: (key, ...fields) => ['HDEL', key, ...fields], parse: reply.toInteger },
  hIncrBy: { toArgs: (key, field, increment) => ['HINCRBY', key, field, str(increment)], parse: reply.toInteger },
  hLen: { toArgs: (key) => ['HLEN', key], parse: reply.toInteger },
  hExists: { toArgs: (key, field) => ['HEXISTS', key, field], parse: reply.toBoolean },

  lPush: { toArgs: (key, ...values) => ['LPUSH', key, ...values], parse: reply.toInteger },
  rPush: { toArgs: (key, ...values) => ['RPUSH', key, ...values], parse: reply.toInteger },
  lPop: { toArgs: (key) => ['LPOP', key], parse: reply.toNullableString },
  rPop: { toArgs: (key) => ['RPOP', key], parse: reply.toNullableString },
  lRange: { toArgs: (key, start, stop) => ['LRANGE', key, str(start), str(stop)], parse: reply.toStringArray },
  lLen: { toArgs: (key) => ['LLEN', key], parse: reply.toInteger },
  lRem: { toArgs: (key, count, value) => ['LREM', key, str(count), value], parse: reply.toInteger },
  lTrim: { toArgs: (key, start, stop) => ['LTRIM', key, str(start), str(stop)], parse: reply.toVoid },
  lMove: {
    toArgs: (source, destination, from, to) => ['LMOVE', source, destination, from.toUpperCase(), to.toUpperCase()],
    parse: reply.toNullableString,
  },

  sAdd: { toArgs: (key, ...members) => ['SADD', key, ...members], parse: reply.toInteger },
  sRem: { toArgs: (key, ...members) => ['SREM', key, ...members], parse: reply.toInteger },
  sMembers: { toArgs: (key) => ['SMEMBERS', key], parse: reply.toStringArray },
  sIsMember: { toArgs: (key, member) => ['SISMEMBER', key, member], parse: reply.toBoolean },
  sCard: { toArgs: (key) => ['SCARD', key], parse: reply.toInteger },

  zAdd: { toArgs: zAddArgs, parse: reply.toInteger },
  zIncrBy: { toArgs: (key, increment, member) => ['ZINCRBY', key, str(increment), member], parse: reply.toNumber },
  zScore: { toArgs: (key, member) => ['ZSCORE', key, member], parse: reply.toNullableNumber },
  zRank: { toArgs: (key, member) => ['ZRANK', key, member], parse: reply.toNullableInteger },
  zRevRank: { toArgs: (key, member) => ['ZREVRANK', key, member], parse: reply.toNullableInteger },
  zRange: { toArgs: zRangeArgs, parse: reply.toStringArray },
  zRangeWithScores: {
    toArgs: (key, start, stop, options) => [...zRangeArgs(key, start, stop, options), 'WITHSCORES'],
    parse: reply.toScoredMembers,
  },
  zCard: { toArgs: (key) => ['ZCARD', key], parse: reply.toInteger },
  zCount: { toArgs: (key, min, max) => ['ZCOUNT', key, bound(min), bound(max)], parse: reply.toInteger },
  zRem: { toArgs: (key, ...members) => ['ZREM', key, ...members], parse: reply.toInteger },
  zRemRangeByScore: {
    toArgs: (key, min, max) => ['ZREMRANGEBYSCORE', key, bound(min), bound(max)],
    parse: reply.toInteger,
  },
  zPopMin: { toArgs: (key, count = 1) => ['ZPOPMIN', key, str(count)], parse: reply.toScoredMembers },
  zUnionStore: { toArgs: zUnionStoreArgs, parse: reply.toInteger },

  publish: { toArgs: (channel, message) => ['PUBLISH', channel, message], parse: reply.toInteger },
  evalSha: {
    toArgs: (sha, keys, args) => ['EVALSHA', sha, str(keys.length), ...keys, ...args],
    parse: reply.toRedisReply,
  },
  time: { toArgs: () => ['TIME'], parse: reply.toTime },
  ping: { toArgs: () => ['PING'], parse: reply.toStringValue },
};

export const commandNames = Object.keys(commandTable) as CommandName[];

/** Blocking pops: their last argument is the timeout in seconds (0: wait forever). */
export const blockingCommandTable: TableOf<BlockingCommands> = {
  blMove: {
    toArgs: (source, destination, from, to, timeoutSeconds) => [
      'BLMOVE',
      source,
      destination,
      from.toUpperCase(),
      to.toUpperCase(),
      str(timeoutSeconds),
    ],
    parse: reply.toNullableString,
  },
  blPop: { toArgs: (keys, timeoutSeconds) => ['BLPOP', ...keys, str(timeoutSeconds)], parse: reply.toKeyedElement },
  brPop: { toArgs: (keys, timeoutSeconds) => ['BRPOP', ...keys, str(timeoutSeconds)], parse: reply.toKeyedElement },
  bzPopMin: {
    toArgs: (keys, timeoutSeconds) => ['BZPOPMIN', ...keys, str(timeoutSeconds)],
    parse: reply.toKeyedScoredMember,
  },
};
