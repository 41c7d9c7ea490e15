/** Small, made-up inputs for the matrix's unit tests. */
import { type BackendName, backendNames } from '../backend-names.js';
import type { MockDeclarations } from './declared-gaps.js';
import type { MatrixCase, MatrixResults } from './results.js';

export const mock: MockDeclarations = {
  capabilities: { blockingPops: false, errorReplies: false, luaSemantics: true },
  deviations: [
    {
      id: 'blocking-pops-poll',
      handling: 'declared',
      deviation: 'Emulated blocking pops wake up to 10 ms late.',
      how: '`capabilities.blockingPops` is false.',
      capability: 'blockingPops',
    },
    { id: 'missing-commands', handling: 'declared', deviation: 'XREADGROUP is missing.', how: 'Unsupported.' },
    { id: 'set-get', handling: 'normalised', deviation: 'SET … GET returns the new value.', how: 'Fixed.' },
  ],
};

export function testCase(project: string, file: string, titles: string[], rest: Partial<MatrixCase> = {}): MatrixCase {
  return { project, file, titles, state: 'passed', startTime: 1000, durationMs: 10, redisCommands: 2, ...rest };
}

/** The cluster backends' declarations: what a cluster cannot do. */
export const cluster: MockDeclarations = {
  capabilities: { keysAcrossSlots: false, publishCountsEverySubscriber: false, blockingPops: true },
  deviations: [],
};

/** The same case on every backend, with per-backend overrides. */
export function onEveryBackend(
  file: string,
  titles: string[],
  overrides: Partial<Record<BackendName, Partial<MatrixCase>>> = {},
): MatrixCase[] {
  return backendNames.map((project) => testCase(project, file, titles, overrides[project]));
}

export function results(cases: MatrixCase[], rest: Partial<MatrixResults> = {}): MatrixResults {
  return {
    kind: 'redis-katas/matrix-results',
    version: 1,
    startedAt: '2025-01-01T00:00:00.000Z',
    wallMs: 5000,
    projects: [...backendNames],
    cases,
    broken: [],
    ...rest,
  };
}
