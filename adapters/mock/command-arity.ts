import { classifyReplyError } from '../core/classify-reply-error.js';

/**
 * How many words each command line has, as Redis' COMMAND INFO states it: a positive
 * number is exact, a negative one a minimum (the command name counts). The mock accepts
 * `SADD k` or `HSET k` without members; Redis refuses them before running anything, and
 * inside MULTI that refusal aborts the whole transaction (EXECABORT).
 */
const arity: Record<string, number> = {
  GET: 2,
  SET: -3,
  MGET: -2,
  INCR: 2,
  INCRBY: 3,
  DECR: 2,
  DECRBY: 3,
  INCRBYFLOAT: 3,
  DEL: -2,
  UNLINK: -2,
  EXISTS: -2,
  EXPIRE: -3,
  PEXPIRE: -3,
  TTL: 2,
  PTTL: 2,
  PERSIST: 2,
  TYPE: 2,
  SCAN: -2,
  HSET: -4,
  HGET: 3,
  HMGET: -3,
  HGETALL: 2,
  HDEL: -3,
  HINCRBY: 4,
  HINCRBYFLOAT: 4,
  HLEN: 2,
  HEXISTS: 3,
  LPUSH: -3,
  RPUSH: -3,
  LPOP: -2,
  RPOP: -2,
  LRANGE: 4,
  LLEN: 2,
  LREM: 4,
  LTRIM: 4,
  LMOVE: 5,
  SADD: -3,
  SREM: -3,
  SMEMBERS: 2,
  SISMEMBER: 3,
  SCARD: 2,
  ZADD: -4,
  ZINCRBY: 4,
  ZSCORE: 3,
  ZRANK: -3,
  ZREVRANK: -3,
  ZRANGE: -4,
  ZCARD: 2,
  ZCOUNT: 4,
  ZREM: -3,
  ZREMRANGEBYSCORE: 4,
  ZPOPMIN: -2,
  ZUNIONSTORE: -4,
  PUBLISH: 3,
  EVAL: -3,
  EVALSHA: -3,
  TIME: 1,
  PING: -1,
};

/** Commands whose arguments after the key come in pairs (field value …). */
const pairedAfterKey = new Set(['HSET']);

/** Throws Redis' "wrong number of arguments" error for a command line Redis would refuse. */
export function checkArity(args: string[]): void {
  const command = (args[0] ?? '').toUpperCase();
  const expected = arity[command];
  if (expected === undefined) return;
  const wrongCount = expected >= 0 ? args.length !== expected : args.length < -expected;
  const unpaired = pairedAfterKey.has(command) && (args.length - 2) % 2 !== 0;
  if (wrongCount || unpaired) {
    throw classifyReplyError(`ERR wrong number of arguments for '${command.toLowerCase()}' command`, command);
  }
}
