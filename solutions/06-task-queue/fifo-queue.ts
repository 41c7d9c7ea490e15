import type { FifoQueue, QueueOptions } from '../../katas/06-task-queue/task-queue.js';

/**
 * Step 1. A list as a FIFO queue: LPUSH adds at the left, RPOP takes from the right, so
 * the value that waited longest leaves first. Both are O(1), and each is atomic: two
 * consumers popping at once never get the same value.
 */
export function createFifoQueue({ redis, namespace }: QueueOptions): FifoQueue {
  const key = `${namespace}fifo`;
  return {
    key,
    push: (value) => redis.lPush(key, value),
    pop: () => redis.rPop(key),
    length: () => redis.lLen(key),
  };
}
