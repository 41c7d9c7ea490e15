/**
 * Which keys a command changed, for WATCH. Redis marks a watched key dirty only when a
 * command really modified it, so replies that mean "nothing happened" (a nil pop, DEL → 0,
 * SADD of members already there → 0) touch nothing. EVAL/EVALSHA report their own keys.
 */
type KeyPicker = (args: string[]) => string[];

const first: KeyPicker = (args) => args.slice(1, 2);
const firstTwo: KeyPicker = (args) => args.slice(1, 3);
const allKeys: KeyPicker = (args) => args.slice(1);
const everyOther: KeyPicker = (args) => args.slice(1).filter((_, index) => index % 2 === 0);

const writes = new Map<string, KeyPicker>();
function define(pick: KeyPicker, names: string) {
  for (const name of names.split(/\s+/)) writes.set(name, pick);
}
define(
  first,
  `SET SETNX SETEX PSETEX GETSET GETDEL GETEX APPEND SETRANGE INCR INCRBY DECR DECRBY INCRBYFLOAT
   EXPIRE PEXPIRE EXPIREAT PEXPIREAT PERSIST HSET HSETNX HMSET HDEL HINCRBY HINCRBYFLOAT
   LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LREM LTRIM LSET LINSERT SADD SREM SPOP
   ZADD ZINCRBY ZREM ZREMRANGEBYSCORE ZREMRANGEBYRANK ZREMRANGEBYLEX ZPOPMIN ZPOPMAX
   SINTERSTORE SUNIONSTORE SDIFFSTORE ZUNIONSTORE ZINTERSTORE XADD XTRIM XDEL`,
);
define(firstTwo, 'LMOVE RPOPLPUSH SMOVE RENAME RENAMENX COPY');
define(allKeys, 'DEL UNLINK');
define(everyOther, 'MSET MSETNX');

/** Integer replies where 0 means nothing changed. */
const zeroMeansUnchanged = new Set(
  `DEL UNLINK SREM ZREM HDEL LREM ZREMRANGEBYSCORE ZREMRANGEBYRANK ZREMRANGEBYLEX SMOVE SADD
   EXPIRE PEXPIRE EXPIREAT PEXPIREAT PERSIST HSETNX SETNX MSETNX RENAMENX LPUSHX RPUSHX`.split(/\s+/),
);

/** Whether FLUSHALL/FLUSHDB: every key changed. */
export function flushesAll(command: string): boolean {
  return command === 'FLUSHALL' || command === 'FLUSHDB';
}

/** The keys `args` changed, judging by its `reply`. */
export function changedKeys(command: string, args: string[], reply: unknown): string[] {
  const pick = writes.get(command);
  if (!pick) return [];
  const setWithGet = command === 'SET' && args.some((arg) => arg.toUpperCase() === 'GET');
  if ((reply === null || reply === undefined) && !setWithGet) return [];
  if (Array.isArray(reply) && reply.length === 0) return [];
  if (reply === 0 && zeroMeansUnchanged.has(command)) return [];
  if (command === 'GETEX' && args.length <= 2) return [];
  return pick(args);
}
