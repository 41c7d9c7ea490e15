import { BatchError } from '../errors/batch-error.js';
import { RedisError } from '../errors/redis-error.js';
import type { Batch, BatchOutcome } from '../redis-adapter.js';
import { defineCommandMethods } from './bind-commands.js';
import type { ParseReply, RawOutcome, RedisDriver } from './driver.js';

/**
 * A chainable queue of commands that `exec()` sends as MULTI/EXEC or as a pipeline. Its
 * command methods are on the prototype, built once from the command table: a batch costs
 * two arrays, not a closure per command.
 */
class QueuedBatch {
  readonly lines: string[][] = [];
  readonly parsers: ParseReply[] = [];

  constructor(
    readonly driver: RedisDriver,
    readonly kind: 'multi' | 'pipeline',
  ) {}

  get length(): number {
    return this.lines.length;
  }

  exec(): Promise<unknown[]> {
    if (this.lines.length === 0) return Promise.resolve([]);
    const lines = this.lines.splice(0);
    const parsers = this.parsers.splice(0);
    return this.driver.batch(this.kind, lines).then((raw) => toReplies(this.kind, raw, parsers));
  }
}

defineCommandMethods(QueuedBatch.prototype, (batch, line, parse) => {
  batch.lines.push(line);
  batch.parsers.push(parse);
  return batch;
});

export function createBatch(driver: RedisDriver, kind: 'multi' | 'pipeline'): Batch {
  return new QueuedBatch(driver, kind) as unknown as Batch;
}

/** The normalised replies; a `BatchError` with every outcome when any command failed. */
function toReplies(kind: 'multi' | 'pipeline', raw: RawOutcome[], parsers: ParseReply[]): unknown[] {
  const replies: unknown[] = new Array(raw.length);
  for (let index = 0; index < raw.length; index += 1) {
    const outcome = raw[index] as RawOutcome;
    if ('error' in outcome) throw new BatchError(kind, toOutcomes(raw, parsers));
    replies[index] = parsers[index]?.(outcome.value);
  }
  return replies;
}

function toOutcomes(raw: RawOutcome[], parsers: ParseReply[]): BatchOutcome[] {
  return raw.map((outcome, index) =>
    'error' in outcome
      ? { error: outcome.error instanceof RedisError ? outcome.error : new RedisError(outcome.error.message) }
      : { value: parsers[index]?.(outcome.value) },
  );
}
