import { NotImplementedError } from '../not-implemented-error.js';
import type { Presence, PresenceOptions } from './chat-types.js';

/**
 * Step 4. Who is online in each room, across every instance: a user is online while any
 * of their sockets is open on any instance, and an instance that dies drops its users
 * within `ttlMs`. Read README.md, "Step 4", then replace each `throw`.
 */
export function createPresence({
  redis,
  namespace,
  instanceId,
  ttlMs = 30_000,
  now = Date.now,
}: PresenceOptions): Presence {
  void [redis, namespace, instanceId, ttlMs, now];
  return {
    async enter(room, user) {
      throw new NotImplementedError('07-pubsub-chat', 4, `presence.enter("${room}", "${user}")`);
    },
    async leave(room, user) {
      throw new NotImplementedError('07-pubsub-chat', 4, `presence.leave("${room}", "${user}")`);
    },
    async heartbeat() {
      throw new NotImplementedError('07-pubsub-chat', 4, 'presence.heartbeat()');
    },
    async online(room) {
      throw new NotImplementedError('07-pubsub-chat', 4, `presence.online("${room}")`);
    },
    async rooms() {
      throw new NotImplementedError('07-pubsub-chat', 4, 'presence.rooms()');
    },
  };
}
