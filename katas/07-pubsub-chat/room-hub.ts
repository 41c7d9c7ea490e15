import { NotImplementedError } from '../not-implemented-error.js';
import type { HubOptions, RoomHub } from './chat-types.js';

/**
 * Steps 1 and 2. One subscriber connection for the whole process (`redis.subscriber()`,
 * opened on first use), shared by every listener: a room's channel (`chatKeys(namespace)`)
 * is subscribed when its first listener joins and unsubscribed when its last one leaves.
 * Read README.md, "Step 1" and "Step 2", then replace each `throw`.
 */
export function createRoomHub({ redis, namespace }: HubOptions): RoomHub {
  void redis;
  void namespace;
  return {
    async join(room) {
      throw new NotImplementedError('07-pubsub-chat', 1, `hub.join("${room}", …)`);
    },
    async publish(room) {
      throw new NotImplementedError('07-pubsub-chat', 1, `hub.publish("${room}", …)`);
    },
    async watch(pattern) {
      throw new NotImplementedError('07-pubsub-chat', 2, `hub.watch("${pattern}", …)`);
    },
    async resubscribe() {
      throw new NotImplementedError('07-pubsub-chat', 1, 'hub.resubscribe()');
    },
    async close() {
      // Nothing to close yet: close the subscriber connection that `join` opens.
    },
  };
}
