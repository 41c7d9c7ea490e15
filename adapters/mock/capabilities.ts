import type { Capabilities } from '../redis-adapter.js';

/**
 * What the in-memory mock cannot do faithfully (see `deviations.ts` for the details):
 * blocking pops poll every few ms instead of waking at once (Lua runs on Lua 5.4 with
 * Redis' environment: see `lua-engine.ts`); not every command answers wrong types with
 * WRONGTYPE; the data lives in this process only; and it never goes down.
 */
export const mockCapabilities: Capabilities = Object.freeze({
  blockingPops: false,
  luaSemantics: true,
  errorReplies: false,
  sharedAcrossProcesses: false,
  canBeUnavailable: false,
  keysAcrossSlots: true,
  publishCountsEverySubscriber: true,
});
