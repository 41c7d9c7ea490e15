import { globMatch } from './glob-match.js';

/**
 * Who listens where, for PUBLISH's reply. ioredis-mock counts a pattern once however many
 * connections subscribed to it; Redis counts every receiving subscription.
 */
export interface SubscriptionCounts {
  add(kind: 'channel' | 'pattern', name: string): void;
  remove(kind: 'channel' | 'pattern', name: string): void;
  /** How many subscriptions a message on `channel` reaches: PUBLISH's reply. */
  receivers(channel: string): number;
}

export function createSubscriptionCounts(): SubscriptionCounts {
  const counts = { channel: new Map<string, number>(), pattern: new Map<string, number>() };
  return {
    add(kind, name) {
      counts[kind].set(name, (counts[kind].get(name) ?? 0) + 1);
    },
    remove(kind, name) {
      const left = (counts[kind].get(name) ?? 0) - 1;
      if (left > 0) counts[kind].set(name, left);
      else counts[kind].delete(name);
    },
    receivers(channel) {
      let total = counts.channel.get(channel) ?? 0;
      for (const [pattern, count] of counts.pattern) if (globMatch(pattern, channel)) total += count;
      return total;
    },
  };
}
