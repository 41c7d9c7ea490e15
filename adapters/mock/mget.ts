import { dispatch } from './dispatch.js';
import { keyType } from './key-types.js';
import type { Emulation } from './mock-context.js';

/** MGET: `null` for a key holding another type, as Redis; the mock returns the list or hash itself. */
export const emulateMGet: Emulation = async ({ client }, args) => {
  const values = (await dispatch(client, args)) as unknown[];
  const keys = args.slice(1);
  return Promise.all(
    values.map(async (value, index) =>
      value !== null && (await keyType(client, keys[index] ?? '')) !== 'string' ? null : value,
    ),
  );
};
