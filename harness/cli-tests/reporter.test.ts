/**
 * `pnpm test` as a learner runs it: one screen, judged on the mock unless `--backend` says
 * otherwise; the first step not green in detail, later steps one line each; type errors
 * first; and when the whole kata turns green, what was learned and the next kata.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { counterBroken, counterSolution, counterStep1Solved, greeterRejecting, greeterWrong } from './fixture-katas.js';
import { CLI_TIMEOUT_MS, type CliResult, createScratchWorkbook, type ScratchWorkbook } from './scratch-workbook.js';

// Real processes, and real Vitest runs, on a machine that may be busy.
vi.setConfig({ testTimeout: CLI_TIMEOUT_MS, hookTimeout: CLI_TIMEOUT_MS });

let started: ScratchWorkbook;
let finished: ScratchWorkbook;
let startedRun: CliResult;
let finishedRun: CliResult;
let verboseRun: CliResult;
let brokenRun: CliResult;
let rejectingRuns: CliResult[];

// Two learners at once: two processes, on the machine's other core.
beforeAll(async () => {
  started = createScratchWorkbook({
    'katas/01-counter/counter.ts': counterStep1Solved,
    'katas/02-greeter/greeter.ts': greeterWrong,
  });
  finished = createScratchWorkbook({ 'katas/01-counter/counter.ts': counterSolution });
  [startedRun, finishedRun] = await Promise.all([
    started.run('test.mjs', ['katas/01-counter', 'katas/02-greeter']),
    finished.run('test.mjs', ['katas/01-counter']),
  ]);
  [verboseRun] = await Promise.all([started.run('test.mjs', ['katas/02-greeter', '--verbose'])]);
  finished.write({ 'katas/01-counter/counter.ts': counterBroken });
  brokenRun = await finished.run('test.mjs', ['katas/01-counter']);
  // Twice: the first run fills Vite's on-disk module cache, the second reads from it.
  finished.write(greeterRejecting);
  rejectingRuns = [
    await finished.run('test.mjs', ['katas/02-greeter']),
    await finished.run('test.mjs', ['katas/02-greeter']),
  ];
});
afterAll(() => {
  started.remove();
  finished.remove();
});

describe('pnpm test, for a learner who solved step 1 of kata 01 and got kata 02 wrong', () => {
  it('says on its first line which backend judges, and how to choose another', () => {
    expect(startedRun.stdout.split('\n')[0]).toBe(
      'Judged on the mock (in-memory Redis) · choose with --backend mock|ioredis|node-redis|ioredis-cluster|node-redis-cluster|all',
    );
  });

  it('names the step to work on, with the README section and the hint command', () => {
    expect(startedRun.stdout).toContain('kata 01-counter · now: step 2 of 2 · reset');
    expect(startedRun.stdout).toContain('  ✓ step 1 · increment');
    expect(startedRun.stdout).toContain('  ▶ step 2 · reset: not started yet (1 test)');
    expect(startedRun.stdout).toContain('read katas/01-counter/README.md, "Step 2" · stuck? pnpm kata hint 01 2');
    expect(startedRun.stdout).toContain('reset (katas/01-counter/counter.ts:8) · 1 test');
  });

  it('shows a failing assertion once, with the line of the spec', () => {
    expect(startedRun.stdout).toContain('✗ greeter.spec.ts › greets by name');
    expect(startedRun.stdout).toContain("AssertionError: expected 'Hi' to be 'Hello, Ada!'");
    expect(startedRun.stdout).toContain("> 6|     expect(greet('Ada')).toBe('Hello, Ada!');");
  });

  it('counts the tests per backend, and keeps the exit code of a failing run', () => {
    expect(startedRun.stdout).toContain('Tests: 2 passed, 2 failed on the mock');
    expect(startedRun.code).toBe(1);
    expect(JSON.parse(started.read('.katas/progress.json')).katas['01-counter'].stepsPassed).toEqual([1]);
  });

  it("gives Vitest's own output, then the kata summary, with --verbose", () => {
    expect(verboseRun.stdout).toContain('Tests  1 failed (1)');
    expect(verboseRun.stdout.indexOf('kata 02-greeter · now: step 1 of 1')).toBeGreaterThan(
      verboseRun.stdout.indexOf('Tests  1 failed'),
    );
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

describe('pnpm test katas/01-counter, with a syntax error in the learner file', () => {
  it('reports the error as TypeScript sees it, before the specs', () => {
    const typeErrors = brokenRun.stdout.indexOf('✗ TypeScript: a syntax error in your files.');
    expect(typeErrors).toBeGreaterThan(0);
    expect(brokenRun.stdout).toContain('katas/01-counter/counter.ts:4:');
    expect(typeErrors).toBeLessThan(brokenRun.stdout.indexOf('kata 01-counter · step 1 could not load'));
  });

  it('says which steps could not load instead of counting them green', () => {
    expect(brokenRun.stdout).toContain('! steps 1, 2 could not load: counter.spec.ts failed to import:');
    expect(brokenRun.stdout).not.toMatch(/steps green/);
  });
});

describe('pnpm test katas/02-greeter, when a spec expects a rejection and the code rejects with another error', () => {
  it('shows the failing assertion, with the error received, on a cold and on a warm module cache', () => {
    for (const run of rejectingRuns) {
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('✗ greeter.spec.ts › refuses an empty name');
      expect(run.stdout).toContain('AssertionError: expected RangeError: no name to be an instance of EmptyNameError');
      expect(run.stdout).toContain('Tests: 0 passed, 1 failed on the mock');
      expect(run.code).toBe(1);
    }
  });
});
