import type { Subscriber } from '../../adapters/redis-adapter.js';
import { chatKeys } from '../../katas/07-pubsub-chat/chat-keys.js';
import type {
  FrameListener,
  HubOptions,
  Leave,
  RoomHub,
  WatchListener,
} from '../../katas/07-pubsub-chat/chat-types.js';

/** The listeners of one channel (or pattern) of this process, and its SUBSCRIBE in flight or done. */
interface Entry<L> {
  listeners: Set<L>;
  subscribed: Promise<void>;
}
type Entries<L> = Map<string, Entry<L>>;

/**
 * Steps 1 and 2. One subscriber connection for the whole process, opened on first use. A
 * room's channel is subscribed when its first listener joins and unsubscribed when its
 * last one leaves; a message is handed to every listener of its room. However many
 * sockets listen, Redis sees one connection and one subscription per room.
 */
export function createRoomHub({ redis, namespace }: HubOptions): RoomHub {
  const keys = chatKeys(namespace);
  const rooms: Entries<FrameListener> = new Map();
  const patterns: Entries<WatchListener> = new Map();
  let connection: Promise<Subscriber> | null = null;

  /** The shared subscriber; a failed open is forgotten so that the next call tries again. */
  function subscriber(): Promise<Subscriber> {
    if (connection) return connection;
    const opening = redis.subscriber();
    connection = opening;
    opening.catch(() => {
      if (connection === opening) connection = null;
    });
    return opening;
  }

  const toRoom = (room: string) => (frame: string) => {
    for (const listener of rooms.get(room)?.listeners ?? []) listener(frame);
  };
  const toPattern = (pattern: string) => (frame: string, channel: string) => {
    const room = keys.roomOf(channel);
    if (room !== null) for (const listener of patterns.get(pattern)?.listeners ?? []) listener(frame, room);
  };

  const subscribeRoom = async (room: string) => (await subscriber()).subscribe(keys.channel(room), toRoom(room));
  const subscribePattern = async (pattern: string) =>
    (await subscriber()).pSubscribe(keys.channelPattern(pattern), toPattern(pattern));

  /**
   * Adds `listener` under `name`; the first one subscribes, the others wait for that same
   * SUBSCRIBE. Resolves, once subscribed, with the `Leave` that removes this listener.
   */
  async function add<L>(
    entries: Entries<L>,
    name: string,
    listener: L,
    subscribe: (name: string) => Promise<void>,
    unsubscribe: (subscriber: Subscriber, name: string) => Promise<void>,
  ): Promise<Leave> {
    let entry = entries.get(name);
    if (!entry) {
      entry = { listeners: new Set(), subscribed: subscribe(name) };
      entries.set(name, entry);
    }
    entry.listeners.add(listener);
    try {
      await entry.subscribed;
    } catch (error) {
      if (entries.get(name) === entry) entries.delete(name);
      throw error;
    }
    let left = false;
    return async () => {
      if (left) return;
      left = true;
      if (remove(entries, name, listener) && connection) await unsubscribe(await connection, name);
    };
  }

  return {
    join: (room, listener) =>
      add(rooms, room, listener, subscribeRoom, (sub, name) => sub.unsubscribe(keys.channel(name))),
    watch: (pattern, listener) =>
      add(patterns, pattern, listener, subscribePattern, (sub, name) => sub.pUnsubscribe(keys.channelPattern(name))),
    publish: (room, frame) => redis.publish(keys.channel(room), frame),
    async resubscribe() {
      const old = connection;
      connection = null;
      await old?.then((sub) => sub.close()).catch(() => undefined);
      await Promise.all([...[...rooms.keys()].map(subscribeRoom), ...[...patterns.keys()].map(subscribePattern)]);
    },
    async close() {
      const old = connection;
      connection = null;
      await old?.then((sub) => sub.close()).catch(() => undefined);
    },
  };
}

/** Removes one listener; true when it was the last of `name` (time to unsubscribe). */
function remove<L>(entries: Entries<L>, name: string, listener: L): boolean {
  const entry = entries.get(name);
  if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) return false;
  entries.delete(name);
  return true;
}
