import type { BatchOutcome } from '../redis-adapter.js';
import { RedisError } from './redis-error.js';

/**
 * One or more commands of a MULTI/EXEC transaction or of a pipeline failed. Redis does not
 * roll back: the other commands ran. `outcomes` has one entry per queued command, in order.
 */
export class BatchError extends RedisError {
  override name = 'BatchError';
  readonly outcomes: BatchOutcome[];

  constructor(kind: 'multi' | 'pipeline', outcomes: BatchOutcome[]) {
    const failed = outcomes.flatMap((outcome, index) => ('error' in outcome ? [index] : []));
    const first = outcomes[failed[0] ?? 0];
    const detail = first && 'error' in first ? `: ${first.error.message}` : '';
    super(
      `${failed.length} of ${outcomes.length} commands in the ${kind} failed (first at index ${failed[0]}${detail}); the others ran.`,
    );
    this.outcomes = outcomes;
  }
}
