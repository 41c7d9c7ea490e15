/**
 * The kata reporter at the moment of failure, in the learner's own `pnpm test` run:
 * under Vitest's output, the step of each failure and its hint command; when the whole
 * kata turns green, what was learned, how to compare, and the next kata.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterSolution, counterStep1Solved, greeterWrong } from './fixture-katas.js';
import { type CliResult, createScratchWorkbook, type ScratchWorkbook } from './scratch-workbook.js';

// As vitest.config.ts has them; given on the command line here, which replaces the config's.
const reporters = ['--reporter=default', '--reporter=./harness/reporters/kata-reporter.ts'];

describe('pnpm test, for a learner who solved step 1 of kata 01 and got kata 02 wrong', () => {
  let workbook: ScratchWorkbook;
  let result: CliResult;
  beforeAll(async () => {
    workbook = createScratchWorkbook({
      'katas/01-counter/counter.ts': counterStep1Solved,
      'katas/02-greeter/greeter.ts': greeterWrong,
    });
    result = await workbook.run('test.ts', ['katas/01-counter', 'katas/02-greeter', '--project', 'mock', ...reporters]);
  });
  afterAll(() => workbook.remove());

  it("keeps Vitest's own output, then adds the katas'", () => {
    expect(result.stdout).toContain('Tests  2 failed | 2 passed (4)');
    expect(result.stdout.indexOf('kata 01-counter · 1 of 2 steps green')).toBeGreaterThan(
      result.stdout.indexOf('Tests  2 failed'),
    );
  });

  it('says "not started yet" for a NotImplementedError, with the README section and the hint command', () => {
    expect(result.stdout).toContain('✓ step 1 · increment');
    expect(result.stdout).toContain('○ step 2 · reset: not started yet');
    expect(result.stdout).toContain('read katas/01-counter/README.md, "Step 2" · hint: pnpm kata hint 01 2');
  });

  it('names a step failing on an assertion, its first error and its hint command', () => {
    expect(result.stdout).toContain('✗ step 1 · greet: 1 of 1 tests failing');
    expect(result.stdout).toContain("expected 'Hi' to be 'Hello, Ada!'");
    expect(result.stdout).toContain('stuck? pnpm kata hint 02 1');
  });

  it('keeps the exit code of a failing run', () => {
    expect(result.code).toBe(1);
  });
});

describe('pnpm test katas/01-counter, when the whole kata turns green', () => {
  let workbook: ScratchWorkbook;
  let first: CliResult;
  let second: CliResult;
  beforeAll(async () => {
    workbook = createScratchWorkbook({ 'katas/01-counter/counter.ts': counterSolution });
    first = await workbook.run('test.ts', ['katas/01-counter', '--project', 'mock', ...reporters]);
    second = await workbook.run('test.ts', ['katas/01-counter', '--project', 'mock', ...reporters]);
  });
  afterAll(() => workbook.remove());

  it('sums up what was learned, from the README', () => {
    expect(first.stdout).toContain('✓ kata 01-counter is green: all 2 steps.');
    expect(first.stdout).toContain('What you learned:\n  - INCR counts atomically.');
  });

  it('gives the commands to compare with the reference, and the next kata', () => {
    expect(first.stdout).toContain('pnpm kata diff 01');
    expect(first.stdout).toContain('pnpm test:solutions katas/01-counter');
    expect(first.stdout).toContain('Next: kata 02-greeter → pnpm kata watch 02');
  });

  it('says it in one line the next time', () => {
    expect(second.stdout).toContain('✓ kata 01-counter is green: all 2 steps. Compare: pnpm kata diff 01');
    expect(second.stdout).not.toContain('What you learned');
  });
});
