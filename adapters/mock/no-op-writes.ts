import { dispatch } from './dispatch.js';
import { keyType } from './key-types.js';
import type { MockClient } from './mock-server.js';
import { readSortedSet } from './sorted-set-range.js';

/**
 * Writes that Redis does not count as a change for WATCH although their reply cannot tell:
 * DEL/UNLINK of keys that did not exist (beside ones that did), LTRIM of a missing key,
 * ZADD and ZINCRBY that left every score as it was (XX/NX/GT/LT stopped them, or an
 * increment of 0), ZUNIONSTORE of nothing into a missing destination. Read before the
 * command runs; after it, the returned function names the keys it did not change.
 */
export type UnchangedKeys = (reply: unknown) => Promise<string[]>;

const none: UnchangedKeys = async () => [];

const exists = async (client: MockClient, key: string) => Number(await dispatch(client, ['EXISTS', key])) === 1;

const checks: Record<string, (client: MockClient, args: string[]) => Promise<UnchangedKeys>> = {
  async DEL(client, args) {
    const missing: string[] = [];
    for (const key of args.slice(1)) if (!(await exists(client, key))) missing.push(key);
    return async () => missing;
  },
  async LTRIM(client, [, key = '']) {
    return (await exists(client, key)) ? none : async () => [key];
  },
  async ZADD(client, [, key = '']) {
    const type = await keyType(client, key);
    if (type === 'none') return async () => ((await exists(client, key)) ? [] : [key]);
    if (type !== 'zset') return none;
    const before = JSON.stringify(await readSortedSet(client, key));
    return async () => (JSON.stringify(await readSortedSet(client, key)) === before ? [key] : []);
  },
  async ZUNIONSTORE(client, [, destination = '']) {
    return (await exists(client, destination)) ? none : async (reply) => (reply === 0 ? [destination] : []);
  },
};
checks.UNLINK = checks.DEL as (typeof checks)['DEL'];
checks.ZINCRBY = checks.ZADD as (typeof checks)['ZADD'];

/** What to ask after `args` ran, when one of `keys` is watched; `none` otherwise. */
export async function readUnchangedKeys(client: MockClient, command: string, args: string[]): Promise<UnchangedKeys> {
  const check = checks[command];
  return check ? check(client, args) : none;
}
