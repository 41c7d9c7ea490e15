/**
 * The failures of one step, each once: a test that fails alike on several backends is one
 * failure (naming the backends when not all of them), and tests that are only "not started
 * yet" are grouped by the starter function that threw.
 */
import type { SpecOutcome } from '../reporters/spec-outcomes.js';

/** One failing test, with the backends it failed on. */
export interface UniqueFailure {
  spec: SpecOutcome;
  projects: string[];
}

/** Tests that failed with a `NotImplementedError` thrown by the same line of a starter file. */
export interface NotStartedGroup {
  /** What is not written yet, as the error names it: `cache.set` (call arguments left out). */
  what: string;
  tests: SpecOutcome[];
}

/** A step's tests, counted once whatever the number of backends. */
export interface StepTally {
  tests: number;
  passed: number;
  failing: UniqueFailure[];
  notStarted: NotStartedGroup[];
}

const testKey = (spec: SpecOutcome) => `${spec.file}\u0000${spec.titles.join('\u0000')}`;

/** Tallies `specs` (one step's outcomes on every backend of the run). */
export function tallyStep(specs: readonly SpecOutcome[]): StepTally {
  const byTest = new Map<string, SpecOutcome[]>();
  for (const spec of specs) {
    if (spec.state !== 'passed' && spec.state !== 'failed') continue;
    byTest.set(testKey(spec), [...(byTest.get(testKey(spec)) ?? []), spec]);
  }
  const tally: StepTally = { tests: byTest.size, passed: 0, failing: [], notStarted: [] };
  const failures = new Map<string, UniqueFailure>();
  for (const outcomes of byTest.values()) {
    const failed = outcomes.filter((outcome) => outcome.state === 'failed');
    if (failed.length === 0) {
      tally.passed += 1;
      continue;
    }
    const first = failed[0] as SpecOutcome;
    if (failed.every((outcome) => outcome.notImplemented)) {
      const what = notStartedWhat(first);
      const group = tally.notStarted.find((each) => each.what === what);
      if (group) group.tests.push(first);
      else tally.notStarted.push({ what, tests: [first] });
      continue;
    }
    for (const outcome of failed) {
      const key = `${testKey(outcome)}\u0000${outcome.failure?.message ?? outcome.error ?? ''}`;
      const known = failures.get(key);
      if (known) known.projects.push(outcome.project);
      else failures.set(key, { spec: outcome, projects: [outcome.project] });
    }
  }
  tally.failing = [...failures.values()];
  return tally;
}

/** `Not started yet: cache.set("k", …) (01-…, step 1). Read …` → `cache.set`, with where it throws. */
function notStartedWhat(spec: SpecOutcome): string {
  const message = (spec.error ?? '').replace(/^NotImplementedError:\s*/, '').replace(/^Not started yet:\s*/, '');
  const name = /^[^(\s]+/.exec(message)?.[0] ?? 'a starter function';
  const where = spec.failure?.code;
  return where ? `${name} (${where.file}:${where.line})` : name;
}
