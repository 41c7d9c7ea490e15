/**
 * `pnpm kata` (status) as a learner runs it, on a scratch workbook: a newcomer, and a
 * learner who solved step 1 of kata 01 and broke the starter file of kata 02. One real
 * run of the specs per scenario.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { counterStep1Solved, greeterBroken } from './fixture-katas.js';
import { CLI_TIMEOUT_MS, type CliResult, createScratchWorkbook, type ScratchWorkbook } from './scratch-workbook.js';

// Real processes, and real Vitest runs, on a machine that may be busy.
vi.setConfig({ testTimeout: CLI_TIMEOUT_MS, hookTimeout: CLI_TIMEOUT_MS });

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for colour codes.
const ANSI = /\u001b\[/;

interface Scenario {
  workbook: ScratchWorkbook;
  result: CliResult;
}

const scenarios: (() => Promise<void>)[] = [];

/** A learner's workbook, and `pnpm kata` run in it; the scenarios of the file run at once. */
function scenario(files: Record<string, string>): Scenario {
  const state = {} as Scenario;
  scenarios.push(async () => {
    state.workbook = createScratchWorkbook(files);
    state.result = await state.workbook.run('kata.ts', []);
  });
  afterAll(() => state.workbook?.remove());
  return state;
}

beforeAll(() => Promise.all(scenarios.map((start) => start())));

describe('pnpm kata, for a newcomer', () => {
  const run = scenario({});

  it('says on its first line which backend judges, as pnpm test does', () => {
    expect(run.result.stdout.split('\n')[0]).toBe(
      'Judged on the mock (in-memory Redis) · choose with --backend mock|ioredis|node-redis|ioredis-cluster|node-redis-cluster|all',
    );
  });

  it('lists every kata as not started, from a real run on the mock', () => {
    expect(run.result.stdout).toMatch(/01\s+counter\s+0\/2\s+not started/);
    expect(run.result.stdout).toMatch(/02\s+greeter\s+0\/1\s+not started/);
    expect(run.result.code).toBe(0);
  });

  it('says the one next thing: kata 01, step 1, its README section and the watch command', () => {
    expect(run.result.stdout).toContain('Next: kata 01-counter, step 1 · increment');
    expect(run.result.stdout).toContain('read katas/01-counter/README.md, "Step 1"');
    expect(run.result.stdout).toContain('pnpm kata watch 01');
  });

  it('saves the progress in .katas/progress.json, in a stable order, without paths', () => {
    const progress = run.workbook.read('.katas/progress.json');
    expect(JSON.parse(progress).katas['01-counter']).toEqual({
      state: 'not-started',
      stepsPassed: [],
      stepsTotal: 2,
      hintsShown: {},
    });
    expect(Object.keys(JSON.parse(progress).katas)).toEqual(['01-counter', '02-greeter']);
    expect(progress).not.toContain(run.workbook.root);
  });

  it('prints no colour codes with NO_COLOR', () => {
    expect(run.result.stdout).not.toMatch(ANSI);
  });
});

describe('pnpm kata, for a learner who solved step 1 of kata 01 and broke the starter of kata 02', () => {
  const run = scenario({
    'katas/01-counter/counter.ts': counterStep1Solved,
    'katas/02-greeter/greeter.ts': greeterBroken,
  });

  it('counts step 1 of kata 01 green and that kata in progress', () => {
    expect(run.result.stdout).toMatch(/01\s+counter\s+1\/2\s+in progress/);
    expect(JSON.parse(run.workbook.read('.katas/progress.json')).katas['01-counter'].stepsPassed).toEqual([1]);
  });

  it('agrees with pnpm test on the same code: the same progress file', async () => {
    const byStatus = run.workbook.read('.katas/progress.json');
    await run.workbook.run('test.mjs', ['katas/01-counter', 'katas/02-greeter']);
    expect(run.workbook.read('.katas/progress.json')).toBe(byStatus);
  });

  it('marks kata 02 broken instead of crashing', () => {
    expect(run.result.code).toBe(0);
    expect(run.result.stdout).toMatch(/02\s+greeter\s+0\/1\s+broken: a file does not load/);
  });

  it('gives the hint of the step the run stopped at, without running the specs again', async () => {
    const hint = await run.workbook.run('kata.ts', ['hint', '01']);
    expect(hint.stdout).toContain('Kata 01-counter · step 2 · Reset\nHint 1 of 2:\n\n  Back to where it started.');
    expect(hint.stderr).not.toContain('Running');
  });

  it('puts the broken file first: which line of which file, no stack trace, how to get the starter back', () => {
    expect(run.result.stdout).toContain('Next: make katas/02-greeter/greeter.spec.ts load again');
    expect(run.result.stdout).toContain('katas/02-greeter/greeter.ts:4:');
    expect(run.result.stdout).toContain('pnpm kata reset 02');
    expect(run.result.stdout).not.toMatch(/\n\s+at /);
  });
});
