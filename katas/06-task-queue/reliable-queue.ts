import { NotImplementedError } from '../not-implemented-error.js';
import { queueKeys } from './queue-keys.js';
import type { QueueOptions, ReliabilityOptions, ReliableQueue } from './task-queue.js';

const todo = (step: number, what: string) => new NotImplementedError('06-task-queue', step, what);

/**
 * Steps 4–6. A queue that never loses a job: each state change is one Lua script (or
 * MULTI), so a job is never in two places, or in none. Keys: `queueKeys(namespace, name)`.
 * Defaults: maxAttempts 3, backoffMs 100, visibilityMs 30 000, completedTtlMs 24 h.
 * Read README.md, "Step 4", then replace each `throw`, step by step.
 */
export function createReliableQueue(options: QueueOptions & ReliabilityOptions): ReliableQueue {
  const keys = queueKeys(options.namespace, options.name);
  return {
    keys,
    async enqueue(job) {
      throw todo(4, `reliableQueue.enqueue({ data: ${JSON.stringify(job.data)} })`);
    },
    async takeNow() {
      throw todo(4, 'reliableQueue.takeNow()');
    },
    async take(_connection, timeoutSeconds) {
      throw todo(4, `reliableQueue.take(connection, ${timeoutSeconds})`);
    },
    async ack(id) {
      throw todo(4, `reliableQueue.ack("${id}")`);
    },
    async get(id) {
      throw todo(4, `reliableQueue.get("${id}")`);
    },
    async fail(id) {
      throw todo(5, `reliableQueue.fail("${id}", error)`);
    },
    async process(job) {
      throw todo(5, `reliableQueue.process(job "${job.id}", handler)`);
    },
    async promoteDue() {
      throw todo(5, 'reliableQueue.promoteDue()');
    },
    async deadLetters() {
      throw todo(5, 'reliableQueue.deadLetters()');
    },
    async retryDead(id) {
      throw todo(5, `reliableQueue.retryDead("${id}")`);
    },
    async recoverStalled() {
      throw todo(6, 'reliableQueue.recoverStalled()');
    },
  };
}
