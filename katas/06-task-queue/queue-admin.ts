import { NotImplementedError } from '../not-implemented-error.js';
import type { QueueAdmin, QueueOptions, ReliabilityOptions } from './task-queue.js';

/**
 * Step 7. The server's view of the queue, on the keys of `queueKeys(namespace, name)`:
 * `next` for `/queue/tasks/next`, `waiting`, `stats`, `clearWaiting`. Read README.md,
 * "Step 7", then replace each `throw`.
 */
export function createQueueAdmin(options: QueueOptions & ReliabilityOptions): QueueAdmin {
  void options;
  return {
    async next() {
      throw new NotImplementedError('06-task-queue', 7, 'queueAdmin.next()');
    },
    async waiting() {
      throw new NotImplementedError('06-task-queue', 7, 'queueAdmin.waiting()');
    },
    async stats() {
      throw new NotImplementedError('06-task-queue', 7, 'queueAdmin.stats()');
    },
    async clearWaiting() {
      throw new NotImplementedError('06-task-queue', 7, 'queueAdmin.clearWaiting()');
    },
  };
}
