import { randomUUID } from 'node:crypto';
import { chatKeys, HISTORY_LENGTH } from '../../katas/07-pubsub-chat/chat-keys.js';
import type { ChatMessage, History, HistoryOptions } from '../../katas/07-pubsub-chat/chat-types.js';

/**
 * Step 3. Each room keeps its last 100 messages in a list, newest at the left. Sending is
 * one MULTI: LPUSH the message, LTRIM the list to 100, PUBLISH it on the room's channel.
 * One round trip, and atomic: no other message lands between storing and announcing, so
 * every instance hears the messages of a room in the order the history keeps them.
 */
export function createHistory({ redis, namespace, now = Date.now }: HistoryOptions): History {
  const keys = chatKeys(namespace);
  return {
    async send({ room, user, text }) {
      const message: ChatMessage = { type: 'message', id: randomUUID(), room, user, text, ts: now() };
      const json = JSON.stringify(message);
      await redis
        .multi()
        .lPush(keys.history(room), json)
        .lTrim(keys.history(room), 0, HISTORY_LENGTH - 1)
        .publish(keys.channel(room), json)
        .exec();
      return message;
    },
    async read(room, limit) {
      if (!Number.isInteger(limit) || limit < 1 || limit > HISTORY_LENGTH)
        throw new RangeError(`limit must be a whole number from 1 to ${HISTORY_LENGTH}, not ${limit}.`);
      const newestFirst = await redis.lRange(keys.history(room), 0, limit - 1);
      return newestFirst.flatMap(parseMessage).reverse();
    },
  };
}

/** A stored entry that is not a message (hand-edited, another version's) is skipped, never a 500. */
function parseMessage(json: string): ChatMessage[] {
  try {
    const value = JSON.parse(json) as Partial<ChatMessage> | null;
    const valid =
      value?.type === 'message' &&
      typeof value.id === 'string' &&
      typeof value.room === 'string' &&
      typeof value.user === 'string' &&
      typeof value.text === 'string' &&
      typeof value.ts === 'number';
    return valid ? [value as ChatMessage] : [];
  } catch {
    return [];
  }
}
