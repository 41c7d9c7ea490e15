import type { Sweeper, SweeperOptions } from '../../katas/06-task-queue/task-queue.js';

/**
 * Step 6. The sweeper every server runs: every `intervalMs`, it puts back the jobs whose
 * worker died (their deadline passed) and moves due retries back to their level. Several
 * servers sweeping at once is safe: each move is one script, so a job is recovered once.
 */
export function startSweeper({ queue, intervalMs = 500, logger }: SweeperOptions): Sweeper {
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> = Promise.resolve();
  let stopped = false;

  async function sweep(): Promise<void> {
    try {
      const recovered = await queue.recoverStalled();
      if (recovered > 0) logger?.warn({ recovered }, 'sweeper: put back jobs whose worker stopped');
      await queue.promoteDue();
    } catch (error) {
      logger?.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'sweeper: Redis error; next sweep retries',
      );
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      sweeping = sweep().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  schedule();
  return {
    async close() {
      stopped = true;
      clearTimeout(timer);
      await sweeping;
    },
  };
}
