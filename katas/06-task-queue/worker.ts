import { NotImplementedError } from '../not-implemented-error.js';
import type { Worker, WorkerOptions } from './task-queue.js';

/**
 * Step 3. A worker loop on a blocking connection of its own (`redis.blocking()`): take,
 * handle, repeat; a Redis error is logged and retried, never thrown; `close()` stops it
 * gracefully. Read README.md, "Step 3", then replace the `throw`.
 */
export function startWorker<J>(options: WorkerOptions<J>): Worker {
  void options;
  throw new NotImplementedError('06-task-queue', 3, 'startWorker({ redis, take, handle })');
}
