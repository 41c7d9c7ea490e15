import { expect } from 'vitest';
import type { RedisAdapter } from '../adapters/redis-adapter.js';

/**
 * PUBLISH's reply (`redis.publish`, or a kata's own publish that returns it): how many
 * subscriptions got the message, which proves how many connections are subscribed. Every
 * spec that counts subscribers checks it here, so a backend that counts differently is
 * handled once: on Redis Cluster (`capabilities.publishCountsEverySubscriber` false) only
 * the subscribers of the node that ran PUBLISH count, so the reply is at most `subscribers`.
 */
export function expectPublishReached(
  redis: Pick<RedisAdapter, 'capabilities'>,
  count: number,
  subscribers: number,
  what?: string,
): void {
  const message = what ?? 'subscriptions PUBLISH reached';
  if (redis.capabilities.publishCountsEverySubscriber) expect(count, message).toBe(subscribers);
  else expect(count, `${message} (on one node of the cluster: at most)`).toBeLessThanOrEqual(subscribers);
}
