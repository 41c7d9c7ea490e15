/**
 * A Vitest run reduced to what the kata CLI and reporters need: every test of a kata
 * spec (`katas/NN-name/*.spec.ts`) with its project and state, and every kata spec file
 * that did not load (a syntax error in a starter, a missing export…).
 */
import type { SerializedError } from 'vitest';
import type { TestModule } from 'vitest/node';
import { type FailureDetail, failureDetail } from './failure-detail.js';
import { kataIdOf, workbookPath } from './kata-spec-file.js';
import { describeLoadError } from './load-error.js';
import { ancestorTitles, firstLine } from './test-case-text.js';

/** One test of a kata spec in one project. */
export interface SpecOutcome {
  /** The Vitest project (backend): `mock`, `ioredis`, `node-redis`. */
  project: string;
  /** `01-simple-cache` */
  kataId: string;
  /** Relative to the workbook, with `/`: `katas/01-simple-cache/cache.spec.ts`. */
  file: string;
  /** `describe` titles then the test title; the first is `step N · …`. */
  titles: string[];
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** Failed only because the code under test still throws `NotImplementedError`. */
  notImplemented: boolean;
  /** The first line of the first error, for failed tests. */
  error?: string;
  /** The first error of a failed test: assertion, trimmed diff, spec line and code line. */
  failure?: FailureDetail;
}

/** A kata spec file that failed before any of its tests ran. */
export interface BrokenSpecFile {
  project: string;
  kataId: string;
  file: string;
  /** What is wrong and where, in a few plain lines. */
  message: string;
}

/** Everything a run said about the katas. */
export interface RunOutcomes {
  specs: SpecOutcome[];
  broken: BrokenSpecFile[];
}

/** Whether an error is the starter's `NotImplementedError` ("not started yet"). */
export function isNotImplemented(error: Pick<SerializedError, 'name' | 'message'>): boolean {
  return error.name === 'NotImplementedError' || /^NotImplementedError\b/.test(error.message ?? '');
}

/** Reads the kata specs out of Vitest's test modules; every other test file is ignored. */
export function collectOutcomes(root: string, testModules: ReadonlyArray<TestModule>): RunOutcomes {
  const outcomes: RunOutcomes = { specs: [], broken: [] };
  for (const module of testModules) {
    const file = workbookPath(root, module.moduleId);
    const kataId = kataIdOf(root, module.moduleId);
    if (!kataId) continue;
    const project = module.project.name;
    const moduleErrors = module.errors();
    if (moduleErrors.length > 0 && module.children.size === 0) {
      outcomes.broken.push({ project, kataId, file, message: describeLoadError(root, moduleErrors[0]) });
      continue;
    }
    for (const test of module.children.allTests()) {
      const result = test.result();
      const errors = result.errors ?? [];
      outcomes.specs.push({
        project,
        kataId,
        file,
        titles: [...ancestorTitles(test), test.name],
        state: result.state,
        notImplemented: result.state === 'failed' && errors.length > 0 && errors.every(isNotImplemented),
        ...(result.state === 'failed' && errors[0]
          ? { error: firstLine(errors[0].message), failure: failureDetail(root, file, errors[0]) }
          : {}),
      });
    }
  }
  return outcomes;
}
