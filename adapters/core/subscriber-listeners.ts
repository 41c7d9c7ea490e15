import type { SubscriberDriver } from './driver.js';

/** A client's raw pub/sub calls; each resolves once Redis confirms. Always by name. */
export interface PubSubCalls {
  subscribe(channel: string): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  pSubscribe(pattern: string): Promise<unknown>;
  pUnsubscribe(pattern: string): Promise<unknown>;
  close(): Promise<void>;
}

/** A `SubscriberDriver`, plus the entry points through which the client hands in messages. */
export interface SubscriberListeners {
  driver: SubscriberDriver;
  /** A message on `channel` arrived: calls that channel's listener. */
  deliver(channel: string, message: string): void;
  /** A message on `channel` matched `pattern`: calls that pattern's listener. */
  deliverPattern(pattern: string, channel: string, message: string): void;
}

type ChannelListener = (message: string, channel: string) => void;
type PatternListener = (message: string, channel: string, pattern: string) => void;

/**
 * One listener per channel and per pattern: subscribing again replaces the listener
 * without another SUBSCRIBE. A failed SUBSCRIBE forgets the listener again.
 */
export function createSubscriberListeners(calls: PubSubCalls): SubscriberListeners {
  const channels = new Map<string, ChannelListener>();
  const patterns = new Map<string, PatternListener>();

  async function add<L>(
    listeners: Map<string, L>,
    name: string,
    listener: L,
    send: (name: string) => Promise<unknown>,
  ) {
    const known = listeners.has(name);
    listeners.set(name, listener);
    if (known) return;
    try {
      await send(name);
    } catch (error) {
      if (listeners.get(name) === listener) listeners.delete(name);
      throw error;
    }
  }

  return {
    driver: {
      subscribe: (channel, listener) => add(channels, channel, listener, calls.subscribe),
      pSubscribe: (pattern, listener) => add(patterns, pattern, listener, calls.pSubscribe),
      async unsubscribe(channel) {
        channels.delete(channel);
        await calls.unsubscribe(channel);
      },
      async pUnsubscribe(pattern) {
        patterns.delete(pattern);
        await calls.pUnsubscribe(pattern);
      },
      async close() {
        channels.clear();
        patterns.clear();
        await calls.close();
      },
    },
    deliver: (channel, message) => channels.get(channel)?.(message, channel),
    deliverPattern: (pattern, channel, message) => patterns.get(pattern)?.(message, channel, pattern),
  };
}
