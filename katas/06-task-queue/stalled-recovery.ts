import { NotImplementedError } from '../not-implemented-error.js';
import type { Sweeper, SweeperOptions } from './task-queue.js';

/**
 * Step 6. The sweeper every server runs: every `intervalMs` (default 500), put back the
 * jobs whose worker died (`queue.recoverStalled()`) and move due retries back
 * (`queue.promoteDue()`); log Redis errors, never throw. Read README.md, "Step 6".
 */
export function startSweeper(options: SweeperOptions): Sweeper {
  void options;
  throw new NotImplementedError('06-task-queue', 6, 'startSweeper({ queue, intervalMs })');
}
