import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { collectResults } from './matrix-reporter.js';

/** Just enough of Vitest's reported tasks for `collectResults`. */
function fakeModule(project: string, file: string, tests: object[], errors: { message: string }[] = []): TestModule {
  const module = {
    type: 'module',
    moduleId: `/work/${file}`,
    project: { name: project },
    errors: () => errors,
    children: { size: tests.length, allTests: () => tests.values() },
  };
  const suite = { type: 'suite', name: 'step 1 · basics', parent: module };
  for (const test of tests) Object.assign(test, { parent: suite });
  return module as unknown as TestModule;
}

function fakeTest(name: string, result: object, meta: object = {}, diagnostic?: object, mode = 'run') {
  return { name, result: () => result, meta: () => meta, diagnostic: () => diagnostic, options: { mode } };
}

describe('collectResults', () => {
  it('keeps project, titles, state, skip note, first error line, timing and Redis counts', () => {
    const module = fakeModule('ioredis', 'katas/01-x/cache.spec.ts', [
      fakeTest(
        'passes',
        { state: 'passed', errors: [] },
        { redisCommands: 4, redisRoundTrips: 3 },
        { startTime: 10, duration: 5 },
      ),
      fakeTest('skips', { state: 'skipped', note: 'no WRONGTYPE (capabilities.errorReplies)' }),
      fakeTest('todo', { state: 'skipped', note: undefined }, {}, undefined, 'todo'),
      fakeTest('fails', {
        state: 'failed',
        errors: [{ name: 'AssertionError', message: '\u001b[31mexpected 1 to be 2\u001b[39m\n  at x' }],
      }),
    ]);
    const results = collectResults('/work', [module], { projects: ['mock', 'ioredis'], started: 1000, ended: 4000 });
    expect(results).toMatchObject({ kind: 'redis-katas/matrix-results', version: 1, wallMs: 3000 });
    expect(results.cases).toEqual([
      {
        project: 'ioredis',
        file: 'katas/01-x/cache.spec.ts',
        titles: ['step 1 · basics', 'passes'],
        state: 'passed',
        startTime: 10,
        durationMs: 5,
        redisCommands: 4,
        redisRoundTrips: 3,
      },
      {
        project: 'ioredis',
        file: 'katas/01-x/cache.spec.ts',
        titles: ['step 1 · basics', 'skips'],
        state: 'skipped',
        note: 'no WRONGTYPE (capabilities.errorReplies)',
      },
      {
        project: 'ioredis',
        file: 'katas/01-x/cache.spec.ts',
        titles: ['step 1 · basics', 'todo'],
        state: 'skipped',
        note: 'todo',
      },
      {
        project: 'ioredis',
        file: 'katas/01-x/cache.spec.ts',
        titles: ['step 1 · basics', 'fails'],
        state: 'failed',
        error: 'AssertionError: expected 1 to be 2',
      },
    ]);
  });

  it('records a file that did not load', () => {
    const module = fakeModule('mock', 'adapters/conformance/x.spec.ts', [], [{ message: 'SyntaxError: nope\nmore' }]);
    expect(collectResults('/work', [module], { projects: ['mock'], started: 0, ended: 1 }).broken).toEqual([
      { project: 'mock', file: 'adapters/conformance/x.spec.ts', message: 'SyntaxError: nope' },
    ]);
  });
});
