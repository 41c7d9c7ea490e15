/** The commands that run the specs for their answer: `hint` without a step, and `status --solution`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterStep1Solved } from './fixture-katas.js';
import { createScratchWorkbook, type ScratchWorkbook } from './scratch-workbook.js';

let workbook: ScratchWorkbook;
beforeAll(() => {
  workbook = createScratchWorkbook({ 'katas/01-counter/counter.ts': counterStep1Solved });
});
afterAll(() => workbook.remove());

describe('pnpm kata hint <kata>', () => {
  it('finds the current step by a real run: the first one not green', async () => {
    const result = await workbook.run('kata.ts', ['hint', '01']);
    expect(result.stdout).toContain('Kata 01-counter · step 2 · Reset\nHint 1 of 2:\n\n  Back to where it started.');
  });
});

describe('pnpm kata status --solution', () => {
  it('shows the table for solutions/, a column per backend', async () => {
    const result = await workbook.run('kata.ts', ['status', '--solution']);
    expect(result.stdout).toMatch(/#\s+kata\s+mock\s+ioredis\s+node-redis\s+state/);
    expect(result.stdout).toMatch(/01\s+counter\s+2\/2\s/);
    expect(result.stdout).toContain('Every reference solution is green.');
    expect(result.code).toBe(0);
  });
});
