/**
 * The `kata` commands that need no run of the specs: hint with a step, diff, doctor, kata
 * names, help. They run concurrently: only the hint ladder writes, and only it reads what
 * it wrote.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { counterManifest, counterStep1Solved } from './fixture-katas.js';
import { CLI_TIMEOUT_MS, createScratchWorkbook, type ScratchWorkbook } from './scratch-workbook.js';

// Real processes, and real Vitest runs, on a machine that may be busy.
vi.setConfig({ testTimeout: CLI_TIMEOUT_MS, hookTimeout: CLI_TIMEOUT_MS });

let workbook: ScratchWorkbook;
beforeAll(() => {
  workbook = createScratchWorkbook({ 'katas/01-counter/counter.ts': counterStep1Solved });
});
afterAll(() => workbook.remove());

describe.concurrent('pnpm kata hint <kata> <step>', () => {
  it('climbs the hint ladder one level per call, and remembers where it is', async () => {
    const levels = [];
    for (let call = 0; call < 4; call++) levels.push((await workbook.run('kata.ts', ['hint', 'counter', '1'])).stdout);
    expect(levels[0]).toContain(
      'Kata 01-counter · step 1 · Increment\nHint 1 of 3:\n\n  A counter only ever moves up by one.',
    );
    expect(levels[0]).toContain('Another one: pnpm kata hint 01 1');
    expect(levels[1]).toContain('Hint 2 of 3:\n\n  Return `value + 1`.');
    expect(levels[2]).toContain(
      'Hint 3 of 3 (the last: the exact Redis commands):\n\n  In Redis this is one command: `INCR key`.',
    );
    expect(levels[3]).toContain('Hint 3 of 3');
    expect(JSON.parse(workbook.read('.katas/progress.json')).katas['01-counter'].hintsShown).toEqual({ '1': 3 });
  });

  it('lists the steps when the step does not exist', async () => {
    const result = await workbook.run('kata.ts', ['hint', '01', '7']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Kata 01-counter has no step 7: its steps are 1, 2.');
  });
});

describe.concurrent('kata names', () => {
  // `01` and `01-counter` are used by the other tests of this file.
  it.each(['1', 'counter'])('"%s" names kata 01', async (name) => {
    expect((await workbook.run('kata.ts', ['diff', name])).stdout).toContain('yours: katas/01-counter/counter.ts');
  });

  it('an unknown kata gets the list of valid ones', async () => {
    const result = await workbook.run('kata.ts', ['diff', 'rate-limiter']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No kata "rate-limiter". Valid katas: 01-counter, 02-greeter');
  });
});

describe.concurrent('pnpm kata diff <kata>', () => {
  it("shows the learner's file beside the reference, marking changed lines", async () => {
    const result = await workbook.run('kata.ts', ['diff', '01-counter'], { env: { COLUMNS: '160' } });
    expect(result.stdout).toMatch(
      /yours: katas\/01-counter\/counter\.ts\s+reference: solutions\/01-counter\/counter\.ts/,
    );
    expect(result.stdout).toMatch(/throw new NotImplementedError\('01-counter', 2, 'reset'\);\s+\|\s+return 0;/);
    expect(result.stdout).toMatch(/import \{ NotImplementedError \}.* </);
  });

  it('shows one unified diff, full width, on a narrow terminal, and leaves provided files out', async () => {
    workbook.write({
      'katas/01-counter/kata.json': counterManifest.replace('"providedFiles":[]', '"providedFiles":["helper.ts"]'),
      'katas/01-counter/helper.ts': '/** Provided: you do not need to edit this file. */\n',
    });
    const result = await workbook.run('kata.ts', ['diff', '01-counter'], { env: { COLUMNS: '80' } });
    expect(result.stdout).toContain(
      '--- yours: katas/01-counter/counter.ts\n+++ reference: solutions/01-counter/counter.ts',
    );
    expect(result.stdout).toContain("-   throw new NotImplementedError('01-counter', 2, 'reset');\n+   return 0;");
    expect(result.stdout).not.toContain('helper.ts');
  });
});

describe.concurrent('pnpm kata doctor', () => {
  it('says the mock runs, and how to fix a REDIS_URL that does not answer', async () => {
    const result = await workbook.run('kata.ts', ['doctor'], { env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Node\s+v\d+/);
    expect(result.stdout).toMatch(/mock\s+✓ runs here/);
    expect(result.stdout).toMatch(/REDIS_URL\s+redis:\/\/127\.0\.0\.1:1 ✗ is not reachable/);
    expect(result.stdout).toMatch(/ioredis\s+✗ .*→ fix: unset REDIS_URL/);
  });
});

describe.concurrent('pnpm kata help', () => {
  it('lists every command', async () => {
    const { stdout } = await workbook.run('kata.ts', ['help']);
    for (const command of ['watch', 'hint', 'reset', 'diff', 'doctor', 'serve', 'status --solution'])
      expect(stdout).toContain(`pnpm kata ${command}`);
  });

  it('refuses an unknown command or flag with the usage', async () => {
    const result = await workbook.run('kata.ts', ['hint', '01', '--level=2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pnpm kata hint does not know --level=2');
  });
});
