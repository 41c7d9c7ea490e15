import { dispatch } from './dispatch.js';
import { wrongType } from './mock-errors.js';
import type { MockClient } from './mock-server.js';

type KeyType = 'string' | 'hash' | 'list' | 'set' | 'zset';
type KeyPicker = (args: string[]) => string[];

const first: KeyPicker = (args) => args.slice(1, 2);
const allKeys: KeyPicker = (args) => args.slice(1);
const sources: KeyPicker = (args) => args.slice(2);

const table = new Map<string, [KeyType, KeyPicker]>();
function define(type: KeyType, pick: KeyPicker, names: string) {
  for (const name of names.split(' ')) table.set(name, [type, pick]);
}
define('string', first, 'GET GETDEL GETEX GETSET GETRANGE SETRANGE STRLEN APPEND INCR INCRBY DECR DECRBY INCRBYFLOAT');
define(
  'hash',
  first,
  'HSET HSETNX HMSET HGET HMGET HGETALL HDEL HINCRBY HINCRBYFLOAT HLEN HEXISTS HKEYS HVALS HSTRLEN HSCAN',
);
define('list', first, 'LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LRANGE LLEN LREM LTRIM LINDEX LSET LINSERT LPOS');
define('list', first, 'LMOVE RPOPLPUSH');
define('set', first, 'SADD SREM SMEMBERS SISMEMBER SMISMEMBER SCARD SPOP SRANDMEMBER SSCAN');
define('set', first, 'SMOVE');
define('set', allKeys, 'SINTER SUNION SDIFF');
define('set', sources, 'SINTERSTORE SUNIONSTORE SDIFFSTORE');
define(
  'zset',
  first,
  'ZADD ZINCRBY ZSCORE ZMSCORE ZRANK ZREVRANK ZRANGE ZRANGEBYSCORE ZREVRANGE ZREVRANGEBYSCORE ZRANGEBYLEX ' +
    'ZREVRANGEBYLEX ZLEXCOUNT ZCARD ZCOUNT ZREM ZREMRANGEBYSCORE ZREMRANGEBYRANK ZREMRANGEBYLEX ZPOPMIN ZPOPMAX ZSCAN',
);

/** Commands whose only typed key is their first argument, with that key's type (for Lua's `redis.call`). */
export function firstKeyTypes(): Map<string, KeyType> {
  return new Map([...table].flatMap(([command, [type, pick]]) => (pick === first ? [[command, type] as const] : [])));
}

/** The type of `key` as TYPE reports it (`none` when missing). */
export async function keyType(client: MockClient, key: string): Promise<string> {
  return String(await dispatch(client, ['TYPE', key]));
}

/** Moves from a source to a destination: Redis checks the destination only when the source exists. */
const moves = new Set(['LMOVE', 'RPOPLPUSH', 'SMOVE']);

/**
 * Rejects with WRONGTYPE, as Redis does, when a key of the command holds another type.
 * The mock does not check: it answers `null`, `NaN` or a wrong value, or throws a JS error.
 * Emulations call it themselves once their arguments are valid: Redis reports a bad
 * argument before a wrong type.
 */
export async function assertKeyTypes(client: MockClient, command: string, args: string[]): Promise<void> {
  const entry = table.get(command);
  if (!entry) return;
  const [expected, pick] = entry;
  for (const key of pick(args)) {
    const actual = await keyType(client, key);
    if (actual !== 'none' && actual !== expected) throw wrongType(command);
    if (actual === 'none' && moves.has(command)) return;
  }
  if (moves.has(command)) {
    const destination = await keyType(client, args[2] ?? '');
    if (destination !== 'none' && destination !== expected) throw wrongType(command);
  }
}
