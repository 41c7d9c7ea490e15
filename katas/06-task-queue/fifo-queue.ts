import { NotImplementedError } from '../not-implemented-error.js';
import type { FifoQueue, QueueOptions } from './task-queue.js';

/**
 * Step 1. A FIFO queue in one Redis list under `${namespace}fifo`: push at one end, pop
 * from the other. Read README.md, "Step 1", then replace each `throw`.
 */
export function createFifoQueue({ redis, namespace }: QueueOptions): FifoQueue {
  void redis;
  return {
    key: `${namespace}fifo`,
    async push(value) {
      throw new NotImplementedError('06-task-queue', 1, `fifoQueue.push("${value}")`);
    },
    async pop() {
      throw new NotImplementedError('06-task-queue', 1, 'fifoQueue.pop()');
    },
    async length() {
      throw new NotImplementedError('06-task-queue', 1, 'fifoQueue.length()');
    },
  };
}
