import { expect } from 'vitest';
import type { RedisAdapter } from '../adapters/redis-adapter.js';

/**
 * PUBLISH's reply (`redis.publish`, or a kata's own publish that returns it): how many
 * subscriptions got the message, which proves how many connections are subscribed. Every
 * kata spec that counts subscribers checks it here, so a backend that counts differently
 * (Redis Cluster counts only the subscribers of the node that ran PUBLISH) is handled once.
 */
export function expectPublishReached(redis: RedisAdapter, count: number, subscribers: number, what?: string): void {
  const label = what ?? 'subscriptions PUBLISH reached';
  if (redis.capabilities.publishCountsEverySubscriber) expect(count, label).toBe(subscribers);
  else expect(count, `${label}, counted on one node of the cluster: at most`).toBeLessThanOrEqual(subscribers);
}
