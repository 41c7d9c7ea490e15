/**
 * `pnpm kata watch`, as a learner who solved step 1 of kata 01 runs it: it focuses on
 * step 2 by itself, and when the learner's next save turns it green, runs the whole kata
 * and says it is done.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { counterSolution, counterStep1Solved } from './fixture-katas.js';
import { CLI_TIMEOUT_MS, createScratchWorkbook, type ScratchWorkbook, stop } from './scratch-workbook.js';

// Real processes, and real Vitest runs, on a machine that may be busy.
vi.setConfig({ testTimeout: CLI_TIMEOUT_MS, hookTimeout: CLI_TIMEOUT_MS });

let workbook: ScratchWorkbook;
let watcher: ChildProcessWithoutNullStreams;
let output = '';

function waitFor(text: string, timeoutMs = CLI_TIMEOUT_MS - 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms in:\n${output}`)), timeoutMs);
    const check = () => {
      if (!output.includes(text)) return;
      clearTimeout(timer);
      watcher.stdout.off('data', check);
      resolve();
    };
    watcher.stdout.on('data', check);
    check();
  });
}

beforeAll(() => {
  workbook = createScratchWorkbook({ 'katas/01-counter/counter.ts': counterStep1Solved });
  watcher = workbook.start('kata.ts', ['watch', '01']);
  watcher.stdout.on('data', (chunk) => (output += String(chunk)));
  watcher.stderr.on('data', (chunk) => (output += String(chunk)));
});
afterAll(async () => {
  await stop(watcher);
  workbook.remove();
});

it('moves the focus past a green step by itself', async () => {
  await waitFor('kata 01-counter · now: step 2 of 2 · reset');
  expect(output).toContain('✓ step 1 is green: moving on to step 2 · reset');
  expect(output).toContain('stuck? pnpm kata hint 01 2');
});

it('says only what it did: no Redis started, each unwritten function once', () => {
  expect(output.split('\n')[0]).toBe(
    'Judged on the mock (in-memory Redis) · choose with --backend mock|ioredis|node-redis|ioredis-cluster|node-redis-cluster|all',
  );
  expect(output).not.toMatch(/redis-server/);
  expect(output.match(/NotImplementedError/g) ?? []).toHaveLength(output.match(/Not started yet \(/g)?.length ?? 0);
});

it('runs the whole kata when the last step turns green, and says what comes next', async () => {
  workbook.write({ 'katas/01-counter/counter.ts': counterSolution });
  await waitFor('Next: kata 02-greeter');
  expect(output).toContain('✓ step 2 is green, the last one: running the whole kata');
  expect(output).toContain('✓ kata 01-counter is green: all 2 steps.');
});
