/**
 * Command facts that `@ioredis/commands` does not carry, declared here once: which type
 * of value each command's keys hold (Redis answers WRONGTYPE otherwise), and which commands
 * write only their first key, the destination, while reading the others.
 */
export type KeyType = 'string' | 'hash' | 'list' | 'set' | 'zset';

const declared: Record<KeyType, string> = {
  string: 'GET GETDEL GETEX GETSET GETRANGE SETRANGE STRLEN APPEND INCR INCRBY DECR DECRBY INCRBYFLOAT',
  hash: 'HSET HSETNX HMSET HGET HMGET HGETALL HDEL HINCRBY HINCRBYFLOAT HLEN HEXISTS HKEYS HVALS HSTRLEN HSCAN',
  list:
    'LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LRANGE LLEN LREM LTRIM LINDEX LSET LINSERT LPOS LMOVE RPOPLPUSH ' +
    'BLPOP BRPOP BLMOVE BRPOPLPUSH',
  set: 'SADD SREM SMEMBERS SISMEMBER SMISMEMBER SCARD SPOP SRANDMEMBER SSCAN SMOVE SINTER SUNION SDIFF SINTERSTORE SUNIONSTORE SDIFFSTORE',
  zset:
    'ZADD ZINCRBY ZSCORE ZMSCORE ZRANK ZREVRANK ZRANGE ZRANGEBYSCORE ZREVRANGE ZREVRANGEBYSCORE ZRANGEBYLEX ' +
    'ZREVRANGEBYLEX ZLEXCOUNT ZCARD ZCOUNT ZREM ZREMRANGEBYSCORE ZREMRANGEBYRANK ZREMRANGEBYLEX ZPOPMIN ' +
    'ZPOPMAX ZSCAN BZPOPMIN BZPOPMAX',
};

const typeByCommand = new Map(
  Object.entries(declared).flatMap(([type, names]) =>
    names.split(/\s+/).map((name) => [name, type as KeyType] as const),
  ),
);

/**
 * Commands with no single key type to check: their keys may hold any type (SET overwrites
 * whatever is there), more than one (ZUNIONSTORE reads sets and sorted sets), or they have
 * no keys. A command of the adapter that is in neither list fails `command-facts.test.ts`.
 */
export const anyKeyType = new Set(
  `SET DEL UNLINK EXISTS EXPIRE PEXPIRE TTL PTTL PERSIST TYPE SCAN MGET ZUNIONSTORE ZINTERSTORE
   PUBLISH EVAL EVALSHA TIME PING WATCH UNWATCH MULTI EXEC`.split(/\s+/),
);

/** The type of value `command`'s keys must hold, when it is declared. */
export function keyTypeOf(command: string): KeyType | undefined {
  return typeByCommand.get(command);
}

/** Whether `command`'s key type is declared here, as one type or as any. */
export function isKeyTypeDeclared(command: string): boolean {
  return typeByCommand.has(command) || anyKeyType.has(command);
}

/** `…STORE` commands: they write their first key (the destination) and only read the others. */
export const storesIntoFirstKey = new Set([
  'SINTERSTORE',
  'SUNIONSTORE',
  'SDIFFSTORE',
  'ZUNIONSTORE',
  'ZINTERSTORE',
  'ZDIFFSTORE',
  'ZRANGESTORE',
  'GEOSEARCHSTORE',
]);

/** Every command with a declared key type, with that type. */
export function declaredKeyTypes(): [string, KeyType][] {
  return [...typeByCommand];
}
