import type { BlockingConnection } from '../../adapters/redis-adapter.js';
import type { Worker, WorkerOptions } from '../../katas/06-task-queue/task-queue.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Step 3. A worker loop: take a job (blocking on a connection of its own, so the app's
 * other commands never queue behind the wait), handle it, repeat. A Redis error is logged
 * and retried after a pause: an outage never crashes the loop or spins it.
 *
 * Graceful stop: `close()` sets `stopping`, then closes the blocking connection, which
 * ends a wait in progress at once. A job already in hand runs to its end; none is taken after.
 */
export function startWorker<J>(options: WorkerOptions<J>): Worker {
  const { redis, take, handle, blockSeconds = 1, retryDelayMs = 500, logger } = options;
  let stopping = false;
  let handled = 0;
  let connection: BlockingConnection | undefined;
  let busy = false;

  async function takeOne(): Promise<J | null> {
    try {
      connection ??= await redis.blocking();
      return await take(connection, blockSeconds);
    } catch (error) {
      if (stopping) return null;
      // A connection that failed may be dead: the next try opens a fresh one.
      void connection?.close().catch(() => undefined);
      connection = undefined;
      logger?.warn(
        { err: messageOf(error), retryInMs: retryDelayMs },
        'worker: Redis error while taking a job; retrying',
      );
      await sleep(retryDelayMs);
      return null;
    }
  }

  async function handleOne(job: J): Promise<void> {
    busy = true;
    try {
      await handle(job);
    } catch (error) {
      logger?.error({ err: messageOf(error) }, 'worker: the job failed');
    } finally {
      handled += 1;
      busy = false;
    }
  }

  const loop = (async () => {
    while (!stopping) {
      const job = await takeOne();
      if (job !== null) await handleOne(job);
    }
    await connection?.close();
  })();

  let closing: Promise<void> | undefined;
  return {
    get handled() {
      return handled;
    },
    close() {
      stopping = true;
      // Interrupt a wait; a job in hand keeps the connection until it is done (the loop closes it).
      if (!busy) void connection?.close().catch(() => undefined);
      closing ??= loop;
      return closing;
    },
  };
}
