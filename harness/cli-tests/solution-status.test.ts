/** `pnpm kata status --solution`, the instructor's table: solutions/, every backend that runs here. */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { CLI_TIMEOUT_MS, type CliResult, createScratchWorkbook, type ScratchWorkbook } from './scratch-workbook.js';

// Real processes, and real Vitest runs, on a machine that may be busy.
vi.setConfig({ testTimeout: CLI_TIMEOUT_MS, hookTimeout: CLI_TIMEOUT_MS });

let workbook: ScratchWorkbook;
let result: CliResult;
beforeAll(async () => {
  workbook = createScratchWorkbook();
  result = await workbook.run('kata.ts', ['status', '--solution']);
});
afterAll(() => workbook.remove());

it('shows the table for solutions/, a column per backend', () => {
  expect(result.stdout).toMatch(
    /#\s+kata\s+mock\s+ioredis\s+node-redis\s+ioredis-cluster\s+node-redis-cluster\s+state/,
  );
  expect(result.stdout).toMatch(/01\s+counter\s+2\/2\s/);
  expect(result.stdout).toMatch(/02\s+greeter\s+1\/1\s/);
  expect(result.stdout).toContain('Every reference solution is green.');
  expect(result.code).toBe(0);
});

it('leaves the learner progress alone', () => {
  expect(() => workbook.read('.katas/progress.json')).toThrow();
});
