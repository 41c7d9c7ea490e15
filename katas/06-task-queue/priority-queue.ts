import { NotImplementedError } from '../not-implemented-error.js';
import { queueKeys } from './queue-keys.js';
import type { PriorityQueue, QueueOptions } from './task-queue.js';

/**
 * Steps 2 and 3. One list per level (`queueKeys(namespace, name).waiting(priority)`):
 * `high` before `normal` before `low`, FIFO within a level. `popBlocking` is step 3.
 * Read README.md, "Step 2", then replace each `throw`.
 */
export function createPriorityQueue({ redis, namespace, name }: QueueOptions): PriorityQueue {
  void redis;
  const keys = queueKeys(namespace, name);
  return {
    keyFor: (priority) => keys.waiting(priority),
    async push(value, priority = 'normal') {
      throw new NotImplementedError('06-task-queue', 2, `priorityQueue.push("${value}", "${priority}")`);
    },
    async pop() {
      throw new NotImplementedError('06-task-queue', 2, 'priorityQueue.pop()');
    },
    async peek() {
      throw new NotImplementedError('06-task-queue', 2, 'priorityQueue.peek()');
    },
    async popBlocking(_connection, timeoutSeconds) {
      throw new NotImplementedError('06-task-queue', 3, `priorityQueue.popBlocking(connection, ${timeoutSeconds})`);
    },
  };
}
