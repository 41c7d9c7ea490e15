/**
 * The differential property: a random sequence of operations runs on the mock, ioredis and
 * node-redis in lockstep, each backend under a key prefix of its own, and after every
 * operation their outcomes must be equal. fast-check shrinks a failing sequence to a
 * minimal one, printed as adapter calls (`repro.ts`).
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { createIoredisAdapter } from '../../adapters/ioredis.js';
import { createMockAdapter } from '../../adapters/ioredis-mock.js';
import { createNodeRedisAdapter } from '../../adapters/node-redis.js';
import type { BackendName, RedisAdapter } from '../../adapters/redis-adapter.js';
import { deleteKeysWithPrefix } from '../delete-keys-with-prefix.js';
import { applyOperation } from './apply-operation.js';
import { sequenceArbitrary } from './arbitraries.js';
import { callsOf, declaredDeviationOf } from './declared-deviations.js';
import type { Operation } from './operation.js';
import { type Outcome, sameOutcome } from './outcome.js';
import { formatRepro } from './repro.js';

/** The fuzzer compares the mock with the two clients on one server. */
export type FuzzBackends = Readonly<Record<Extract<BackendName, 'mock' | 'ioredis' | 'node-redis'>, RedisAdapter>>;

/**
 * The fuzzer compares replies, not deadlines: on a loaded machine a reply may take longer
 * than the default deadline, which would show up as a divergence that is not one.
 */
const commandTimeoutMs = 10_000;

/** The three backends: the mock on an in-memory server of its own, both clients on `url`. */
export function openFuzzBackends(url: string): FuzzBackends {
  return {
    mock: createMockAdapter({ server: 'differential-fuzz' }),
    ioredis: createIoredisAdapter({ url, name: 'differential-fuzz', commandTimeoutMs }),
    'node-redis': createNodeRedisAdapter({ url, name: 'differential-fuzz', commandTimeoutMs }),
  };
}

export async function closeFuzzBackends(backends: FuzzBackends): Promise<void> {
  await Promise.all(Object.values(backends).map((redis) => redis.close()));
}

export interface FuzzOptions {
  /** How many sequences to run (before shrinking). */
  runs: number;
  /** fast-check's seed: the same seed runs the same sequences. */
  seed: number;
}

export interface FuzzReport {
  runs: number;
  seed: number;
  /** Operations run on every backend, and operations left out by the allow-list. */
  operations: number;
  declaredSkips: Readonly<Record<string, number>>;
  /** The shrunk repro of the first divergence, or `null` when every backend agreed. */
  divergence: string | null;
  /** fast-check's path to replay the shrunk failure: `--seed S --path P`. */
  path: string | null;
}

/** Runs the property; resolves with what ran and the repro of a divergence, if any. */
export async function runDifferentialFuzz(backends: FuzzBackends, options: FuzzOptions): Promise<FuzzReport> {
  const runId = randomBytes(3).toString('hex');
  let sequence = 0;
  const counts = { operations: 0, declaredSkips: {} as Record<string, number> };
  const attempt = async (operations: readonly Operation[]) => {
    const prefix = `fuzz:${runId}:${sequence++}:`;
    try {
      await runInLockstep(backends, prefix, operations, counts);
    } finally {
      await Promise.all(
        Object.entries(backends).map(([name, redis]) => deleteKeysWithPrefix(redis, `${prefix}${name}:`)),
      );
    }
  };
  const details = await fc.check(fc.asyncProperty(sequenceArbitrary, attempt), {
    numRuns: options.runs,
    seed: options.seed,
  });
  const shrunk = details.counterexample?.[0];
  return {
    runs: details.numRuns,
    seed: details.seed,
    operations: counts.operations,
    declaredSkips: counts.declaredSkips,
    divergence: details.failed ? await minimalRepro(shrunk ?? [], attempt, details.errorInstance) : null,
    path: details.counterexamplePath ?? null,
  };
}

/**
 * fast-check shrinks no sequence below 20 operations; this goes on, one operation at a
 * time: an operation whose removal keeps a divergence is dropped. Returns the last repro.
 */
async function minimalRepro(
  operations: readonly Operation[],
  attempt: (operations: readonly Operation[]) => Promise<void>,
  firstError: unknown,
): Promise<string> {
  let repro = firstError instanceof Error ? firstError.message : String(firstError);
  let current = [...operations];
  for (let shorter = true; shorter; ) {
    shorter = false;
    for (let index = current.length - 1; index >= 0; index--) {
      const candidate = current.filter((_, i) => i !== index);
      try {
        await attempt(candidate);
      } catch (error) {
        current = candidate;
        shorter = true;
        repro = error instanceof Error ? error.message : String(error);
      }
    }
  }
  return repro;
}

/**
 * EXPIRE … GT/LT compares expiry times in milliseconds: right after another EXPIRE with the
 * same TTL, Redis may find them equal (same millisecond) or not, by chance. 2 ms apart,
 * every backend finds the new one later.
 */
function comparesTtls(operation: Operation): boolean {
  return callsOf(operation).some(
    (call) =>
      (call.method === 'expire' || call.method === 'pExpire') && (call.args[2] === 'gt' || call.args[2] === 'lt'),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runInLockstep(
  backends: FuzzBackends,
  prefix: string,
  operations: readonly Operation[],
  counts: { operations: number; declaredSkips: Record<string, number> },
): Promise<void> {
  const ran: Operation[] = [];
  for (const operation of operations) {
    const declared = declaredDeviationOf(operation);
    if (declared) {
      counts.declaredSkips[declared.id] = (counts.declaredSkips[declared.id] ?? 0) + 1;
      continue;
    }
    ran.push(operation);
    counts.operations += 1;
    const outcomes: Record<string, Outcome> = {};
    for (const [name, redis] of Object.entries(backends)) {
      if (comparesTtls(operation)) await sleep(2);
      outcomes[name] = await applyOperation(redis, `${prefix}${name}:`, operation);
    }
    const [first, ...others] = Object.values(outcomes) as [Outcome, ...Outcome[]];
    if (!others.every((outcome) => sameOutcome(first, outcome))) throw new Error(formatRepro(ran, outcomes));
  }
}
