/**
 * Runs one fuzzer operation on one adapter, its keys under `prefix`, and returns its
 * normalised outcome. Never throws: a rejection is an outcome like any reply.
 */
import { BatchError } from '../../adapters/errors/batch-error.js';
import type { Batch, RedisAdapter } from '../../adapters/redis-adapter.js';
import type { RedisCommands } from '../../adapters/redis-commands.js';
import { type Call, keyMark, type Operation } from './operation.js';
import { errorOutcome, normaliseReply, type Outcome } from './outcome.js';

/** The longest SCAN walk the fuzzer follows before calling it endless. */
const maxScanSteps = 200;

export async function applyOperation(redis: RedisAdapter, prefix: string, operation: Operation): Promise<Outcome> {
  const keyed = withPrefix(prefix);
  try {
    return { value: await run(redis, operation, keyed, prefix) };
  } catch (error) {
    return errorOutcome(error);
  }
}

/** Puts `prefix` in front of every key argument (`k:…`), in nested arrays too. */
function withPrefix(prefix: string) {
  const keyed = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith(keyMark)) return prefix + value;
    if (Array.isArray(value)) return value.map(keyed);
    return value;
  };
  return keyed;
}

async function run(
  redis: RedisAdapter,
  operation: Operation,
  keyed: (value: unknown) => unknown,
  prefix: string,
): Promise<unknown> {
  switch (operation.type) {
    case 'call':
      return callOn(redis, operation.call, keyed);
    case 'batch':
      return runBatch(operation.kind === 'multi' ? redis.multi() : redis.pipeline(), operation.calls, keyed);
    case 'watch':
      return redis.watch(async (tx) => {
        await tx.watchKeys(...(operation.keys.map(keyed) as string[]));
        const reads = await settleEach(operation.reads, (call) => callOn(tx, call, keyed));
        const interleaved = await settleEach(operation.interleaved, (call) => callOn(redis, call, keyed));
        const exec = await settle(() => runBatch(tx.multi(), operation.queued, keyed));
        return { reads, interleaved, exec };
      });
    case 'scan':
      return scanWalk(redis, prefix, operation);
    case 'script': {
      const script = redis.defineScript(operation.source);
      return script.run(operation.keys.map(keyed) as string[], [...operation.args]);
    }
  }
}

async function callOn(target: RedisCommands, call: Call, keyed: (value: unknown) => unknown): Promise<unknown> {
  const method = target[call.method] as (...args: unknown[]) => Promise<unknown>;
  const reply = await method.apply(target, call.args.map(keyed));
  return normaliseReply(call, reply);
}

async function runBatch(batch: Batch, calls: readonly Call[], keyed: (value: unknown) => unknown): Promise<unknown> {
  for (const call of calls) {
    // A generated call picks its method at run time: no chained type to grow.
    const queue = batch[call.method] as unknown as (...args: unknown[]) => Batch;
    queue.apply(batch, call.args.map(keyed));
  }
  try {
    const replies = await batch.exec();
    return replies.map((reply, index) => normaliseReply(calls[index] as Call, reply));
  } catch (error) {
    if (!(error instanceof BatchError)) throw error;
    return {
      batchError: error.outcomes.map((outcome, index) =>
        'error' in outcome
          ? errorOutcome(outcome.error)
          : { value: normaliseReply(calls[index] as Call, outcome.value) },
      ),
    };
  }
}

async function settle(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { value: await work() };
  } catch (error) {
    return errorOutcome(error);
  }
}

async function settleEach(calls: readonly Call[], run: (call: Call) => Promise<unknown>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const call of calls) outcomes.push(await settle(() => run(call)));
  return outcomes;
}

/** Every key a complete SCAN walk returns, without the prefix, sorted and once each. */
async function scanWalk(
  redis: RedisAdapter,
  prefix: string,
  { match, count, keyType }: { match?: string; count?: number; keyType?: string },
): Promise<string[]> {
  const seen = new Set<string>();
  let cursor = '0';
  for (let step = 0; step < maxScanSteps; step++) {
    const page = await redis.scan(cursor, {
      match: prefix + (match ?? '*'),
      ...(count === undefined ? {} : { count }),
      ...(keyType === undefined ? {} : { type: keyType }),
    });
    for (const key of page.keys) seen.add(key.slice(prefix.length));
    cursor = page.cursor;
    if (cursor === '0') return [...seen].sort();
  }
  throw new Error(`SCAN did not come back to cursor 0 within ${maxScanSteps} steps`);
}
