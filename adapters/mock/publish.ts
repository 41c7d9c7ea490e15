import { dispatch } from './dispatch.js';
import type { Emulation } from './mock-context.js';

/**
 * PUBLISH channel message, replying with how many subscriptions receive it, as Redis counts
 * them (the mock counts each matching pattern once, however many connections listen).
 */
export const emulatePublish: Emulation = async ({ client, server }, args) => {
  await dispatch(client, args);
  return server.subscriptions.receivers(args[1] ?? '');
};
