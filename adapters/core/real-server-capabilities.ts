import type { Capabilities } from '../redis-adapter.js';

/** A real Redis server over the network: everything faithful, and it can go away. */
export const realServerCapabilities: Capabilities = Object.freeze({
  blockingPops: true,
  luaSemantics: true,
  errorReplies: true,
  sharedAcrossProcesses: true,
  canBeUnavailable: true,
  keysAcrossSlots: true,
  publishCountsEverySubscriber: true,
});
