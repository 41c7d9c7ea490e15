import { classifyReplyError } from '../core/classify-reply-error.js';
import { dispatch } from './dispatch.js';
import { globMatcher } from './glob-match.js';
import { keyType } from './key-types.js';
import type { Emulation } from './mock-context.js';
import { parseInteger } from './redis-numbers.js';

/**
 * SCAN cursor [MATCH pattern] [COUNT n] [TYPE type], with Redis' guarantee: a key present
 * from the first call to the last is returned. The mock's cursor is an index into the key
 * list, so deleting keys while scanning (SCAN + UNLINK) skips others, and it has no TYPE.
 * Here keys are walked in the order of a hash of their name and the cursor is the next
 * hash to visit (plus one, so that 0 still means done), like Redis' reverse-binary cursor.
 */
export const emulateScan: Emulation = async ({ client }, args) => {
  const cursor = parseInteger(args[1]);
  if (cursor === null || cursor < 0n) throw classifyReplyError('ERR invalid cursor', 'SCAN');
  let count = 10;
  let match: ((key: string) => boolean) | undefined;
  let type: string | undefined;
  for (let i = 2; i < args.length; i += 2) {
    const option = (args[i] as string).toUpperCase();
    const value = args[i + 1];
    if (value === undefined) throw classifyReplyError('ERR syntax error', 'SCAN');
    if (option === 'MATCH') match = globMatcher(value);
    else if (option === 'TYPE') type = value.toLowerCase();
    else if (option === 'COUNT') {
      const parsed = parseInteger(value);
      if (parsed === null) throw classifyReplyError('ERR value is not an integer or out of range', 'SCAN');
      if (parsed < 1n) throw classifyReplyError('ERR syntax error', 'SCAN');
      count = Number(parsed);
    } else throw classifyReplyError('ERR syntax error', 'SCAN');
  }

  const keys = ((await dispatch(client, ['KEYS', '*'])) as string[])
    .map((key) => ({ key, slot: slotOf(key) }))
    .filter(({ slot }) => slot >= cursor)
    .sort((a, b) => (a.slot === b.slot ? 0 : a.slot < b.slot ? -1 : 1));
  let end = Math.min(count, keys.length);
  while (end < keys.length && keys[end]?.slot === keys[end - 1]?.slot) end++;
  const next = end < keys.length ? String(keys[end]?.slot) : '0';

  const page: string[] = [];
  for (const { key } of keys.slice(0, end)) {
    if (match && !match(key)) continue;
    if (type !== undefined && (await keyType(client, key)) !== type) continue;
    page.push(key);
  }
  return [next, page];
};

/** FNV-1a of the key, plus one: where the key sits in the walk (1 … 2^32). */
function slotOf(key: string): bigint {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return BigInt(hash >>> 0) + 1n;
}
