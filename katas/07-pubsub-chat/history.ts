import { NotImplementedError } from '../not-implemented-error.js';
import type { History, HistoryOptions } from './chat-types.js';

/**
 * Step 3. Each room keeps its last 100 messages (`HISTORY_LENGTH`) in a list; sending a
 * message stores it and publishes it on the room's channel in one round trip.
 * Read README.md, "Step 3", then replace each `throw`.
 */
export function createHistory({ redis, namespace, now = Date.now }: HistoryOptions): History {
  void redis;
  void namespace;
  void now;
  return {
    async send({ room }) {
      throw new NotImplementedError('07-pubsub-chat', 3, `history.send({ room: "${room}", … })`);
    },
    async read(room, limit) {
      throw new NotImplementedError('07-pubsub-chat', 3, `history.read("${room}", ${limit})`);
    },
  };
}
