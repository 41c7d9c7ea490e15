/**
 * Provided: you do not need to edit this file. The types every file of this kata shares;
 * your files import from it.
 */
import type { BlockingConnection, RedisAdapter } from '../../adapters/redis-adapter.js';
import type { KataLoggerOption } from '../../server-kit/index.js';
import type { QueueKeys } from './queue-keys.js';

/** The priority levels, highest first: the order `/next` and the workers take from. */
export const PRIORITIES = ['high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Where a job is. `waiting`: in its level's list · `processing`: taken by a worker, not yet
 * acknowledged · `delayed`: failed, waiting for its retry · `completed`: acknowledged ·
 * `dead`: failed its last attempt, in the dead letters · `taken`: removed by a client
 * (`/next`), no longer the queue's business.
 */
export type JobState = 'waiting' | 'processing' | 'delayed' | 'completed' | 'dead' | 'taken';

/** What every queue factory takes: a Redis connection and the prefix of its keys. */
export interface QueueOptions {
  redis: RedisAdapter;
  /** Prefix of every key the queue writes, e.g. `app:queue:`. */
  namespace: string;
  /** The queue's name, which is also its hash tag: every key of the queue shares `{name}`. Default `tasks`. */
  name?: string;
}

/** A job as the reliable queue (steps 4–6) keeps it, in its hash `keys.job(id)`. */
export interface Job {
  /** Matches `^[A-Za-z0-9_-]{1,64}$`. */
  id: string;
  priority: Priority;
  /** What the job is about, as the app encoded it (JSON, usually). The queue never parses it. */
  data: string;
  state: JobState;
  /** How many times a worker has taken it. */
  attempts: number;
  /** The error of its last failed attempt, if any. */
  error?: string;
}

/** A job to enqueue. Without an `id`, the queue makes one up. */
export interface NewJob {
  id?: string;
  priority?: Priority;
  data: string;
}

/** How the reliable queue retries and recovers (steps 5 and 6). */
export interface ReliabilityOptions {
  /** How many times a job is tried before it goes to the dead letters. Default 3. */
  maxAttempts?: number;
  /** The wait before the first retry, in ms; each further retry waits twice as long. Default 100. */
  backoffMs?: number;
  /**
   * How long a worker may hold a job before the sweeper decides that worker died and puts
   * the job back, in ms. Default 30 000.
   */
  visibilityMs?: number;
  /** How long a completed job's hash is kept, in ms. Default 24 h. */
  completedTtlMs?: number;
}

/** Counts per state, as `/queue/stats` shows them. */
export interface QueueStats {
  waiting: number;
  processing: number;
  delayed: number;
  completed: number;
  dead: number;
  /** Waiting jobs per level. */
  byPriority: Record<Priority, number>;
}

/** A worker's handler: resolves when the job is done, throws when it failed. */
export type JobHandler<J> = (job: J) => Promise<void>;

/** Where a worker's log lines go (a pino or Fastify logger fits). */
export interface WorkerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Step 1: one list, first in first out. */
export interface FifoQueue {
  /** The list's key: the namespace, then `fifo`. */
  readonly key: string;
  /** Adds `value` at the back; resolves with the queue's new length. */
  push(value: string): Promise<number>;
  /** Removes and returns the oldest value; `null` when the queue is empty. */
  pop(): Promise<string | null>;
  /** How many values wait. */
  length(): Promise<number>;
}

/** A value with the level it waited in. */
export interface PrioritizedValue {
  value: string;
  priority: Priority;
}

/** Steps 2 and 3: one list per level; `high` before `normal` before `low`, FIFO within a level. */
export interface PriorityQueue {
  /** The list of one level: `queueKeys(namespace, name).waiting(priority)`. */
  keyFor(priority: Priority): string;
  /** Adds `value` at the back of its level (default `normal`); resolves with that level's new length. */
  push(value: string, priority?: Priority): Promise<number>;
  /** Removes and returns the next value (highest level first, oldest first): one round trip. `null` when all are empty. */
  pop(): Promise<PrioritizedValue | null>;
  /** Every waiting value in the order `pop` would return them, without removing any. */
  peek(): Promise<PrioritizedValue[]>;
  /**
   * Step 3. Like `pop`, but waits up to `timeoutSeconds` for a value on `connection` (a
   * connection of its own, from `redis.blocking()`). `null` on timeout.
   */
  popBlocking(connection: BlockingConnection, timeoutSeconds: number): Promise<PrioritizedValue | null>;
}

/** Step 3: what a worker loop needs to know. */
export interface WorkerOptions<J> {
  /** The worker opens its own blocking connection from it (`redis.blocking()`), and closes it. */
  redis: RedisAdapter;
  /** Waits up to `timeoutSeconds` on `connection` for the next job; `null` when none came. */
  take(connection: BlockingConnection, timeoutSeconds: number): Promise<J | null>;
  /** Runs one job. A rejection is logged; the loop goes on. */
  handle: JobHandler<J>;
  /** The longest a single wait blocks, in seconds: how often an idle worker looks up. Default 1. */
  blockSeconds?: number;
  /** The pause after a Redis error before the worker tries again, in ms. Default 500. */
  retryDelayMs?: number;
  /** Where the worker says what went wrong. Default: silent. */
  logger?: WorkerLogger;
}

/** A running worker loop. */
export interface Worker {
  /** How many jobs it has handled (successfully or not). */
  readonly handled: number;
  /**
   * Graceful stop: the job in hand finishes, no new job is taken, the connection is
   * closed; resolves when all of that is done. Idempotent.
   */
  close(): Promise<void>;
}

/** What happened to a job a worker ran (step 5): acknowledged, delayed for a retry, dead-lettered, or no longer its to settle. */
export type Outcome = 'completed' | 'delayed' | 'dead' | 'lost';

/** Steps 4–6: jobs that are never lost. Every state change is one atomic script. */
export interface ReliableQueue {
  readonly keys: QueueKeys;
  /** Step 4. Stores the job's hash and pushes its id on its level, in one step; resolves with its id. */
  enqueue(job: NewJob): Promise<string>;
  /**
   * Step 4. Moves the next waiting job (highest level first) into the processing list,
   * atomically, with its deadline; counts the attempt. `null` when none waits.
   */
  takeNow(): Promise<Job | null>;
  /** Step 4. `takeNow`, and when nothing waits, blocks on `connection` up to `timeoutSeconds` for a wake-up, then tries again. */
  take(connection: BlockingConnection, timeoutSeconds: number): Promise<Job | null>;
  /** Step 4. Removes a processing job from the processing list and marks it completed. `false` when it was not processing. */
  ack(id: string): Promise<boolean>;
  /** Step 4. The job's hash, or `null`. */
  get(id: string): Promise<Job | null>;
  /** Step 5. A processing job failed with `error`: delayed for a retry, or dead when it was its last attempt. `null` when it was not processing. */
  fail(id: string, error: string): Promise<'delayed' | 'dead' | null>;
  /** Step 5. Runs `handler` on a taken job, then acks it or fails it with the handler's error message. */
  process(job: Job, handler: JobHandler<Job>): Promise<Outcome>;
  /** Step 5. Moves every delayed job whose retry is due back to its level; resolves with how many. */
  promoteDue(): Promise<number>;
  /** Step 5. The dead letters, newest first. */
  deadLetters(): Promise<Job[]>;
  /** Step 5. Puts a dead job back in its level with attempts reset. `false` when it was not dead. */
  retryDead(id: string): Promise<boolean>;
  /** Step 6. Puts back every processing job whose deadline has passed (its worker died); resolves with how many. */
  recoverStalled(): Promise<number>;
}

/** Step 6: the sweeper every server runs. */
export interface SweeperOptions {
  queue: ReliableQueue;
  /** How often it looks, in ms. Default 500. */
  intervalMs?: number;
  logger?: WorkerLogger;
}

/** A running sweeper. `close()` stops it after the sweep in progress. */
export interface Sweeper {
  close(): Promise<void>;
}

/** Step 7: what the server needs beyond the workers' operations. */
export interface QueueAdmin {
  /** Removes the next waiting job (highest level first) for a client, state `taken`, with a TTL: `/next`. `null` when none waits. */
  next(): Promise<Job | null>;
  /** Every waiting job in the order `next` would return them, without removing any. */
  waiting(): Promise<Job[]>;
  /** Counts per state, and waiting jobs per level. */
  stats(): Promise<QueueStats>;
  /** Deletes every waiting job (its id from its level, and its hash); resolves with how many. */
  clearWaiting(): Promise<number>;
}

/** Step 7: the options of `buildServer`. */
export interface ServerOptions {
  redis: RedisAdapter;
  /** Prefix of every key the server writes. Default `kata:06-task-queue:`. */
  prefix?: string;
  /** Fastify's logger option. Default: silent. */
  logger?: KataLoggerOption;
  /** Workers in this process, each on its own blocking connection. Default: `QUEUE_WORKERS` of `env`, else 2. */
  workers?: number;
  /** How long a worker may hold a task before the sweeper puts it back, in ms. Default: `QUEUE_VISIBILITY_MS` of `env`, else 30 000. */
  visibilityMs?: number;
  /** The longest an idle worker blocks, in seconds. Default 1. */
  blockSeconds?: number;
  /** How often the sweeper looks, in ms. Default 500. */
  sweepIntervalMs?: number;
  /** Where `QUEUE_WORKERS` and `QUEUE_VISIBILITY_MS` are read from (`pnpm kata serve` passes `process.env`). */
  env?: Record<string, string | undefined>;
}
