import { dispatch } from './dispatch.js';
import { keyType } from './key-types.js';
import type { MockClient } from './mock-server.js';

/**
 * Commands after which the container at `args[1]` may be empty. Redis deletes an emptied
 * list, set, sorted set or hash at once; the mock keeps an empty one that still EXISTS.
 */
export const emptyingCommands = new Set(
  (
    'LPOP RPOP LMOVE RPOPLPUSH LREM LTRIM SREM SPOP SMOVE HDEL ZREM ZPOPMIN ZPOPMAX ' +
    'ZREMRANGEBYSCORE ZREMRANGEBYRANK ZREMRANGEBYLEX SINTERSTORE SUNIONSTORE SDIFFSTORE ZINTERSTORE'
  ).split(' '),
);

const sizeCommands: Record<string, string> = { list: 'LLEN', set: 'SCARD', zset: 'ZCARD', hash: 'HLEN' };

/** Deletes `key` when it holds an empty container, as Redis would have. */
export async function deleteIfEmpty(client: MockClient, key: string | undefined): Promise<void> {
  if (key === undefined) return;
  const sizeCommand = sizeCommands[await keyType(client, key)];
  if (sizeCommand && Number(await dispatch(client, [sizeCommand, key])) === 0) await dispatch(client, ['DEL', key]);
}
