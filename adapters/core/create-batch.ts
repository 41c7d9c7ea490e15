import { BatchError } from '../errors/batch-error.js';
import { RedisError } from '../errors/redis-error.js';
import type { Batch, BatchOutcome } from '../redis-adapter.js';
import { type CommandName, commandNames, commandTable } from './command-table.js';
import type { RedisDriver } from './driver.js';

interface QueuedCommand {
  args: string[];
  parse(raw: unknown): unknown;
}

/** A chainable queue of commands that `exec()` sends as MULTI/EXEC or as a pipeline. */
export function createBatch(driver: RedisDriver, kind: 'multi' | 'pipeline'): Batch {
  const queue: QueuedCommand[] = [];
  const batch = {
    get length() {
      return queue.length;
    },
    exec: () => execBatch(driver, kind, queue.splice(0)),
  } as Record<string, unknown>;
  for (const name of commandNames) batch[name] = queueCommand(batch, queue, name);
  return batch as unknown as Batch;
}

function queueCommand(batch: unknown, queue: QueuedCommand[], name: CommandName) {
  const spec = commandTable[name] as { toArgs(...args: unknown[]): string[]; parse(raw: unknown): unknown };
  return (...args: unknown[]) => {
    queue.push({ args: spec.toArgs(...args), parse: spec.parse });
    return batch;
  };
}

async function execBatch(driver: RedisDriver, kind: 'multi' | 'pipeline', queue: QueuedCommand[]): Promise<unknown[]> {
  if (queue.length === 0) return [];
  const raw = await driver.batch(
    kind,
    queue.map((command) => command.args),
  );
  const outcomes: BatchOutcome[] = raw.map((outcome, index) =>
    'error' in outcome
      ? { error: outcome.error instanceof RedisError ? outcome.error : new RedisError(outcome.error.message) }
      : { value: queue[index]?.parse(outcome.value) },
  );
  if (outcomes.some((outcome) => 'error' in outcome)) throw new BatchError(kind, outcomes);
  return outcomes.map((outcome) => ('value' in outcome ? outcome.value : undefined));
}
