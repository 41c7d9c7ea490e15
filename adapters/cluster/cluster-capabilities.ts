import { realServerCapabilities } from '../core/real-server-capabilities.js';
import type { Capabilities } from '../redis-adapter.js';

/**
 * Redis Cluster: real servers, everything faithful, except that what one command,
 * MULTI or script touches must live in one hash slot (`CrossSlotError` otherwise), and
 * PUBLISH counts only the subscribers of the node that ran it.
 */
export const clusterCapabilities: Capabilities = Object.freeze({
  ...realServerCapabilities,
  keysAcrossSlots: false,
  publishCountsEverySubscriber: false,
});
