import { classifyReplyError } from '../core/classify-reply-error.js';
import { commandNameOf } from '../core/command-facts.js';
import { dispatch } from './dispatch.js';
import { assertKeyTypes, keyType } from './key-types.js';
import type { Emulation } from './mock-context.js';

/**
 * LMOVE, RPOPLPUSH and SMOVE from a missing source: Redis answers nil (0 for SMOVE) without
 * looking at the destination; the mock throws WRONGTYPE when the destination has another type.
 */
export const emulateMove: Emulation = async ({ client }, args) => {
  const command = commandNameOf(args);
  if (command === 'LMOVE' && !args.slice(3, 5).every((end) => /^(left|right)$/i.test(end))) {
    throw classifyReplyError('ERR syntax error', command);
  }
  await assertKeyTypes(client, command, args);
  if ((await keyType(client, args[1] ?? '')) === 'none') return command === 'SMOVE' ? 0 : null;
  return dispatch(client, args);
};
