/**
 * What the matrix reporter writes (`matrix-reporter.ts`) and the matrix is built from:
 * every test of a run with its Vitest project (the backend), its state, its skip note,
 * its Redis command counts and its timing. Vitest's own JSON report has none of the
 * first, the second or the third for a test, which is why the matrix has a reporter.
 */
import { readFileSync } from 'node:fs';

export type CaseState = 'passed' | 'failed' | 'skipped' | 'pending';

/** One test in one project. */
export interface MatrixCase {
  /** The Vitest project: `mock`, `ioredis`, `node-redis`. */
  project: string;
  /** Relative to the workbook, with `/`: `adapters/conformance/errors.spec.ts`. */
  file: string;
  /** `describe` titles then the test title. */
  titles: string[];
  state: CaseState;
  /** `ctx.skip(note)`'s note, for skipped tests. */
  note?: string;
  /** The first line of the first error, for failed tests. */
  error?: string;
  /** When the test started (ms since the epoch) and how long it took, when it ran. */
  startTime?: number;
  durationMs?: number;
  /** From the `redis` fixture's `task.meta` (absent when the test did not use `redis`). */
  redisCommands?: number;
  redisRoundTrips?: number;
}

/** A test file that failed to load in a project, so none of its tests ran there. */
export interface MatrixBrokenFile {
  project: string;
  file: string;
  message: string;
}

export interface MatrixResults {
  kind: 'redis-katas/matrix-results';
  version: 1;
  /** ISO time the run started. */
  startedAt: string;
  /** The run's wall time, from Vitest's start to the end of the last test file. */
  wallMs: number;
  /** The projects Vitest ran (a real backend is missing when no Redis was found). */
  projects: string[];
  cases: MatrixCase[];
  broken: MatrixBrokenFile[];
}

export function readMatrixResults(path: string): MatrixResults {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the matrix results ${path}: ${(error as Error).message}`);
  }
  return asMatrixResults(parsed, path);
}

/** Checks the shape; says what to pass instead when given Vitest's own JSON report. */
export function asMatrixResults(value: unknown, path = 'the input'): MatrixResults {
  const record = (value ?? {}) as Partial<MatrixResults> & { testResults?: unknown };
  if (record.kind === 'redis-katas/matrix-results' && record.version === 1 && Array.isArray(record.cases)) {
    return { ...record, broken: record.broken ?? [], projects: record.projects ?? [] } as MatrixResults;
  }
  if (Array.isArray(record.testResults)) {
    throw new Error(
      `${path} is Vitest's JSON report, which names neither the project (backend) of a test nor its skip note. ` +
        'Pass the file written by harness/matrix/matrix-reporter.ts (run Vitest with ' +
        '--reporter=./harness/matrix/matrix-reporter.ts --outputFile.matrix=<file>).',
    );
  }
  throw new Error(`${path} is not a matrix results file (kind redis-katas/matrix-results, version 1)`);
}
