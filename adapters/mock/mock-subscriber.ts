import type { SubscriberDriver } from '../core/driver.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import type { MockServer } from './mock-server.js';

type ChannelListener = (message: string, channel: string) => void;
type PatternListener = (message: string, channel: string, pattern: string) => void;

/**
 * A subscriber connection: its own ioredis-mock instance, which the mock's pub/sub reaches
 * from every instance of the same server. The mock's `disconnect()` does not remove its
 * channel listeners, so `close()` unsubscribes every name first, and drops messages still
 * in flight.
 */
export function createMockSubscriber(server: MockServer): SubscriberDriver {
  const client = server.connect();
  const channels = new Map<string, Set<ChannelListener>>();
  const patterns = new Map<string, Set<PatternListener>>();
  let closed = false;

  client.on('message', (channel: string, message: string) => {
    if (!closed) for (const listener of channels.get(channel) ?? []) listener(message, channel);
  });
  client.on('pmessage', (pattern: string, channel: string, message: string) => {
    if (!closed) for (const listener of patterns.get(pattern) ?? []) listener(message, channel, pattern);
  });

  const ensureOpen = () => {
    if (closed) throw new RedisUnavailableError('This subscriber is closed; open a new one with adapter.subscriber().');
  };

  return {
    async subscribe(channel, listener) {
      ensureOpen();
      if (!channels.has(channel)) {
        await client.subscribe(channel);
        server.subscriptions.add('channel', channel);
        channels.set(channel, new Set());
      }
      channels.get(channel)?.add(listener);
    },
    async unsubscribe(channel) {
      ensureOpen();
      if (!channels.delete(channel)) return;
      await client.unsubscribe(channel);
      server.subscriptions.remove('channel', channel);
    },
    async pSubscribe(pattern, listener) {
      ensureOpen();
      if (!patterns.has(pattern)) {
        await client.psubscribe(pattern);
        server.subscriptions.add('pattern', pattern);
        patterns.set(pattern, new Set());
      }
      patterns.get(pattern)?.add(listener);
    },
    async pUnsubscribe(pattern) {
      ensureOpen();
      if (!patterns.delete(pattern)) return;
      await client.punsubscribe(pattern);
      server.subscriptions.remove('pattern', pattern);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const channel of channels.keys()) {
        await client.unsubscribe(channel);
        server.subscriptions.remove('channel', channel);
      }
      for (const pattern of patterns.keys()) {
        await client.punsubscribe(pattern);
        server.subscriptions.remove('pattern', pattern);
      }
      channels.clear();
      patterns.clear();
      client.disconnect();
    },
  };
}
