import { BatchError } from '../errors/batch-error.js';
import { RedisError } from '../errors/redis-error.js';
import type { Batch, BatchOutcome } from '../redis-adapter.js';
import { commandNames, commandTable } from './command-table.js';
import type { RedisDriver } from './driver.js';

type Parse = (raw: unknown) => unknown;

/** A batch's state; its command methods live on {@link batchMethods}, shared by every batch. */
interface BatchState {
  readonly driver: RedisDriver;
  readonly kind: 'multi' | 'pipeline';
  readonly lines: string[][];
  readonly parsers: Parse[];
}

/** Every command as a method that queues it: built once, not once per batch. */
const batchMethods: Record<string, unknown> = {
  get length() {
    return (this as unknown as BatchState).lines.length;
  },
  exec(this: BatchState) {
    const lines = this.lines.splice(0);
    return execBatch(this.driver, this.kind, lines, this.parsers.splice(0));
  },
};
for (const name of commandNames) {
  const spec = commandTable[name] as { toArgs(...args: unknown[]): string[]; parse: Parse };
  batchMethods[name] = function queue(this: BatchState, ...args: unknown[]) {
    this.lines.push(spec.toArgs(...args));
    this.parsers.push(spec.parse);
    return this;
  };
}

/** A chainable queue of commands that `exec()` sends as MULTI/EXEC or as a pipeline. */
export function createBatch(driver: RedisDriver, kind: 'multi' | 'pipeline'): Batch {
  const state: BatchState = Object.create(batchMethods);
  Object.assign(state, { driver, kind, lines: [], parsers: [] });
  return state as unknown as Batch;
}

async function execBatch(
  driver: RedisDriver,
  kind: 'multi' | 'pipeline',
  lines: string[][],
  parsers: Parse[],
): Promise<unknown[]> {
  if (lines.length === 0) return [];
  const raw = await driver.batch(kind, lines);
  const outcomes: BatchOutcome[] = raw.map((outcome, index) =>
    'error' in outcome
      ? { error: outcome.error instanceof RedisError ? outcome.error : new RedisError(outcome.error.message) }
      : { value: parsers[index]?.(outcome.value) },
  );
  if (outcomes.some((outcome) => 'error' in outcome)) throw new BatchError(kind, outcomes);
  return outcomes.map((outcome) => ('value' in outcome ? outcome.value : undefined));
}
