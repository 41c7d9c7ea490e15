/**
 * Provided: you do not need to edit this file. The key and channel layout (steps 1–4).
 *
 * Every key and channel of a room carries the room name verbatim inside a hash tag
 * `{room}`: the keys one operation touches together (a room's history and its channel,
 * a room's presence) live in one slot, so a MULTI runs unchanged on Redis Cluster.
 * `rooms` is the one key shared by every room; it is written in its own command.
 */
export interface ChatKeys {
  /** The channel of `room`: messages and presence frames, as JSON. */
  channel(room: string): string;
  /** The glob PSUBSCRIBE uses for every room whose name matches `roomPattern`. */
  channelPattern(roomPattern: string): string;
  /** The room name inside `channel`, or `null` when it is not a room channel. */
  roomOf(channel: string): string | null;
  /** A list: the last 100 messages of `room`, newest at the left (LPUSH). */
  history(room: string): string;
  /** A sorted set: `instanceId|user` → the time (ms) that entry expires unless refreshed. */
  online(room: string): string;
  /** A sorted set: room → the latest deadline of its entries, to list rooms without SCAN. */
  readonly rooms: string;
}

/** The keys and channels under `namespace`, e.g. `kata:07-pubsub-chat:chat:{general}:history`. */
export function chatKeys(namespace: string): ChatKeys {
  const base = `${namespace}chat:`;
  const channelPrefix = `${base}{`;
  return {
    channel: (room) => `${base}{${room}}`,
    channelPattern: (roomPattern) => `${base}{${roomPattern}}`,
    roomOf(channel) {
      if (!channel.startsWith(channelPrefix) || !channel.endsWith('}')) return null;
      return channel.slice(channelPrefix.length, -1);
    },
    history: (room) => `${base}{${room}}:history`,
    online: (room) => `${base}{${room}}:online`,
    rooms: `${base}rooms`,
  };
}

/** The most messages a room keeps. */
export const HISTORY_LENGTH = 100;
