/**
 * Provided: you do not need to edit this file. What the chat stores, publishes and sends
 * to sockets, and the options of each part (steps 1–5).
 */
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';

/** A chat message, as stored in the history and sent to sockets. `ts` is ms since the epoch. */
export interface ChatMessage {
  type: 'message';
  id: string;
  room: string;
  user: string;
  text: string;
  ts: number;
}

/** Someone came online in a room (their first socket) or went offline (their last one closed). */
export interface PresenceFrame {
  type: 'presence';
  room: string;
  user: string;
  online: boolean;
}

/** Something went wrong: a bad frame (`validation_error`) or Redis trouble (`redis_unavailable`). */
export interface ErrorFrame {
  type: 'error';
  error: string;
  message: string;
}

/** Every frame the server sends is one of these, as JSON. */
export type ServerFrame = ChatMessage | PresenceFrame | ErrorFrame;

/** A frame as it travels on a room's channel: the JSON text, forwarded to sockets unchanged. */
export type FrameListener = (frame: string) => void;

/** A frame heard through a pattern, with the room whose channel carried it. */
export type WatchListener = (frame: string, room: string) => void;

/** Stops listening: the last listener of a room (or pattern) unsubscribes it. */
export type Leave = () => Promise<void>;

/** Step 1 and 2: one subscriber connection shared by every listener of this process. */
export interface RoomHub {
  /**
   * Listens to `room`. The room's first listener subscribes its channel; resolves once Redis
   * has confirmed, so a frame published afterwards is heard.
   */
  join(room: string, listener: FrameListener): Promise<Leave>;
  /** PUBLISH `frame` on `room`'s channel; resolves with how many subscriber connections got it. */
  publish(room: string, frame: string): Promise<number>;
  /** Step 2. Listens to every room whose name matches the glob `pattern` (one PSUBSCRIBE per pattern). */
  watch(pattern: string, listener: WatchListener): Promise<Leave>;
  /**
   * After an outage: opens a fresh subscriber connection and subscribes every room and
   * pattern that still has listeners. Listeners stay as they are.
   */
  resubscribe(): Promise<void>;
  /** Closes the subscriber connection (the adapter stays open: its owner closes it). */
  close(): Promise<void>;
}

export interface HubOptions {
  redis: RedisAdapter;
  /** Prefix of every key and channel, e.g. `kata:07-pubsub-chat:`. */
  namespace: string;
}

/** What `POST /chat/message` and a socket's `{"text"}` carry, already checked. */
export interface MessageInput {
  room: string;
  user: string;
  text: string;
}

/** Step 3: the last 100 messages of each room, stored and announced together. */
export interface History {
  /** Stores `input` as a new message in its room's history and publishes it, in one round trip. */
  send(input: MessageInput): Promise<ChatMessage>;
  /** The last `limit` (1–100) messages of `room`, oldest first. */
  read(room: string, limit: number): Promise<ChatMessage[]>;
}

export interface HistoryOptions extends HubOptions {
  /** The clock for `ts`, in ms. Default `Date.now`. */
  now?: () => number;
}

/** A room and how many distinct users are online in it. */
export interface RoomOnline {
  room: string;
  online: number;
}

/** Step 4: who is online, across every instance. */
export interface Presence {
  /**
   * A socket of `user` opened in `room` on this instance. Resolves `true` when the user just
   * came online (no live entry anywhere before), `false` otherwise.
   */
  enter(room: string, user: string): Promise<boolean>;
  /**
   * A socket of `user` in `room` on this instance closed. Resolves `true` when the user just
   * went offline (this was their last socket on any instance), `false` otherwise.
   */
  leave(room: string, user: string): Promise<boolean>;
  /** Pushes the deadline of every user with a socket on this instance `ttlMs` ahead. */
  heartbeat(): Promise<void>;
  /** The users online in `room`, sorted, each once. */
  online(room: string): Promise<string[]>;
  /** The rooms with at least one user online, by name. */
  rooms(): Promise<RoomOnline[]>;
}

export interface PresenceOptions extends HubOptions {
  /** This instance's name, unique among the instances sharing the Redis. */
  instanceId: string;
  /** How long an entry lives without a heartbeat, in ms. Default 30 000. */
  ttlMs?: number;
  /** The clock, in ms. Default `Date.now`. Instances' clocks must agree to well under `ttlMs`. */
  now?: () => number;
}

/** Step 5: the chat server. */
export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key and channel. Default `kata:07-pubsub-chat:`. */
  prefix?: string;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
  /** How often presence is refreshed and Redis checked, in ms. Default 5000: an error frame within 5 s of an outage. */
  heartbeatMs?: number;
  /** How long presence lives without a heartbeat, in ms. Default 30 000. */
  presenceTtlMs?: number;
  /** How often each socket is pinged; one without a pong by the next ping is closed. Default 2000. */
  pingMs?: number;
}
