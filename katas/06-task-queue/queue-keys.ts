/**
 * Provided: you do not need to edit this file. The key layout of the reliable queue
 * (steps 4–6). Every key carries the queue's hash tag `{name}`, so a script or MULTI that
 * touches several of them runs unchanged on Redis Cluster (they all live in one slot).
 */
import type { Priority } from './task-queue.js';

export interface QueueKeys {
  /** The prefix every key of this queue starts with: `<namespace>{<name>}:`. */
  readonly base: string;
  /** One list per level: LPUSH at the left, taken from the right (FIFO). */
  waiting(priority: Priority): string;
  /** The list of jobs a worker holds: taken but not yet acknowledged. */
  readonly processing: string;
  /** A sorted set: id → the Redis time (ms) by which its worker must acknowledge it. */
  readonly deadlines: string;
  /** A sorted set: id → the Redis time (ms) its retry is due. */
  readonly delayed: string;
  /** The dead letters: jobs that failed their last attempt, newest first. */
  readonly dead: string;
  /** A sorted set of completed ids by completion time (ms), trimmed to the completed TTL. */
  readonly completed: string;
  /** A list idle workers block on (BRPOP): one element means "there is work". */
  readonly wake: string;
  /** The hash of job `id`: priority, data, state, attempts, error. */
  job(id: string): string;
}

/** The keys of queue `name` under `namespace`. */
export function queueKeys(namespace: string, name = 'tasks'): QueueKeys {
  const base = `${namespace}{${name}}:`;
  return {
    base,
    waiting: (priority) => `${base}waiting:${priority}`,
    processing: `${base}processing`,
    deadlines: `${base}deadlines`,
    delayed: `${base}delayed`,
    dead: `${base}dead`,
    completed: `${base}completed`,
    wake: `${base}wake`,
    job: (id) => `${base}job:${id}`,
  };
}
