/**
 * The kata reporter at the moment of failure, in the learner's own `pnpm test` run:
 * under Vitest's output, the step of each failure and its hint command; when the whole
 * kata turns green, what was learned, how to compare, and the next kata.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { counterSolution, counterStep1Solved, greeterWrong } from './fixture-katas.js';
import { CLI_TIMEOUT_MS, type CliResult, createScratchWorkbook, type ScratchWorkbook } from './scratch-workbook.js';

// Real processes, and real Vitest runs, on a machine that may be busy.
vi.setConfig({ testTimeout: CLI_TIMEOUT_MS, hookTimeout: CLI_TIMEOUT_MS });

// As vitest.config.ts has them; given on the command line here, which replaces the config's.
const reporters = ['--reporter=default', '--reporter=./harness/reporters/kata-reporter.ts'];

let started: ScratchWorkbook;
let finished: ScratchWorkbook;
let startedRun: CliResult;
let finishedRun: CliResult;

// Both learners at once: two processes, on the machine's other core.
beforeAll(async () => {
  started = createScratchWorkbook({
    'katas/01-counter/counter.ts': counterStep1Solved,
    'katas/02-greeter/greeter.ts': greeterWrong,
  });
  finished = createScratchWorkbook({ 'katas/01-counter/counter.ts': counterSolution });
  [startedRun, finishedRun] = await Promise.all([
    started.run('test.ts', ['katas/01-counter', 'katas/02-greeter', '--project', 'mock', ...reporters]),
    finished.run('test.ts', ['katas/01-counter', '--project', 'mock', ...reporters]),
  ]);
});
afterAll(() => {
  started.remove();
  finished.remove();
});

describe('pnpm test, for a learner who solved step 1 of kata 01 and got kata 02 wrong', () => {
  it("keeps Vitest's own output, then adds the katas'", () => {
    expect(startedRun.stdout).toContain('Tests  2 failed | 2 passed (4)');
    expect(startedRun.stdout.indexOf('kata 01-counter · 1 of 2 steps green')).toBeGreaterThan(
      startedRun.stdout.indexOf('Tests  2 failed'),
    );
  });

  it('says "not started yet" for a NotImplementedError, with the README section and the hint command', () => {
    expect(startedRun.stdout).toContain('✓ step 1 · increment');
    expect(startedRun.stdout).toContain('○ step 2 · reset: not started yet');
    expect(startedRun.stdout).toContain('read katas/01-counter/README.md, "Step 2" · hint: pnpm kata hint 01 2');
  });

  it('names a step failing on an assertion, its first error and its hint command', () => {
    expect(startedRun.stdout).toContain('✗ step 1 · greet: 1 of 1 tests failing');
    expect(startedRun.stdout).toContain("expected 'Hi' to be 'Hello, Ada!'");
    expect(startedRun.stdout).toContain('stuck? pnpm kata hint 02 1');
  });

  it('keeps the exit code of a failing run, and records the progress', () => {
    expect(startedRun.code).toBe(1);
    expect(JSON.parse(started.read('.katas/progress.json')).katas['01-counter'].stepsPassed).toEqual([1]);
  });
});

describe('pnpm test katas/01-counter, when the whole kata turns green', () => {
  it('sums up what was learned, from the README', () => {
    expect(finishedRun.stdout).toContain('✓ kata 01-counter is green: all 2 steps.');
    expect(finishedRun.stdout).toContain('What you learned:\n  - INCR counts atomically.');
  });

  it('gives the commands to compare with the reference, and the next kata', () => {
    expect(finishedRun.stdout).toContain('pnpm kata diff 01');
    expect(finishedRun.stdout).toContain('pnpm test:solutions katas/01-counter');
    expect(finishedRun.stdout).toContain('Next: kata 02-greeter → pnpm kata watch 02');
  });
});
