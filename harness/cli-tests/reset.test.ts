/**
 * `pnpm kata reset`, on a scratch workbook that is a git repository whose history has the
 * workbook's commits (a starter, then a fix to it that changes the manifest too, as the
 * workbook's fixes do) and the learner's own commits.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { counterManifest, counterStarter, counterStep1Solved } from './fixture-katas.js';
import { CLI_TIMEOUT_MS, createScratchWorkbook, type ScratchWorkbook } from './scratch-workbook.js';

// Real processes, and real Vitest runs, on a machine that may be busy.
vi.setConfig({ testTimeout: CLI_TIMEOUT_MS, hookTimeout: CLI_TIMEOUT_MS });

const fixedStarter = `// Kata 01: write both functions.\n${counterStarter}`;
const learnerWork = counterStep1Solved.replace('return _value + 1;', 'return _value + 1; // mine');

let workbook: ScratchWorkbook;
const commit = (message: string) =>
  execFileSync('git', ['-c', 'user.name=L', '-c', 'user.email=l@example.com', 'commit', '-qam', message], {
    cwd: workbook.root,
  });

beforeAll(() => {
  workbook = createScratchWorkbook();
  workbook.commitAll('the workbook');
  workbook.write({
    'katas/01-counter/counter.ts': fixedStarter,
    'katas/01-counter/kata.json': counterManifest.replace('"Counter"', '"Counter, commented"'),
  });
  commit('workbook: a comment in the starter');
  workbook.write({ 'katas/01-counter/counter.ts': counterStep1Solved });
  commit('my step 1');
});
afterAll(() => workbook.remove());

describe('pnpm kata reset <kata>', () => {
  it('asks first, and changes nothing without a yes', async () => {
    workbook.write({ 'katas/01-counter/counter.ts': learnerWork });
    const result = await workbook.run('kata.ts', ['reset', '01'], { input: 'n\n' });
    expect(result.stdout).toContain('katas/01-counter/counter.ts');
    expect(result.stdout).toContain('Reset? [y/N]');
    expect(result.stdout).toContain('Nothing changed.');
    expect(result.code).toBe(0);
    expect(workbook.read('katas/01-counter/counter.ts')).toBe(learnerWork);
  });

  it('with --yes, puts the starter back as the workbook last shipped it, even over committed work', async () => {
    workbook.write({
      'katas/01-counter/counter.ts': learnerWork,
      'katas/01-counter/counter.spec.ts': '// a learner edited the spec\n',
      'katas/02-greeter/greeter.ts': '// kata 02 work\n',
      'solutions/01-counter/counter.ts': '// edited solution\n',
    });
    const result = await workbook.run('kata.ts', ['reset', 'counter', '--yes']);
    expect(result.code).toBe(0);
    expect(workbook.read('katas/01-counter/counter.ts')).toBe(fixedStarter);
    expect(result.stdout).toContain('Your previous versions are in .katas/reset-backup/01-counter/');
    expect(workbook.read('.katas/reset-backup/01-counter/counter.ts')).toBe(learnerWork);
  });

  it('never touches specs, other katas or solutions', () => {
    expect(workbook.read('katas/01-counter/counter.spec.ts')).toBe('// a learner edited the spec\n');
    expect(workbook.read('katas/02-greeter/greeter.ts')).toBe('// kata 02 work\n');
    expect(workbook.read('solutions/01-counter/counter.ts')).toBe('// edited solution\n');
  });

  it('refuses to guess when a script gives no answer', async () => {
    workbook.write({ 'katas/01-counter/counter.ts': learnerWork });
    const result = await workbook.run('kata.ts', ['reset', '01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('add --yes');
    expect(workbook.read('katas/01-counter/counter.ts')).toBe(learnerWork);
    await workbook.run('kata.ts', ['reset', '01', '--yes']);
  });

  it('has nothing to do the second time', async () => {
    const result = await workbook.run('kata.ts', ['reset', '01', '--yes']);
    expect(result.stdout).toContain('every starter file is as it was; nothing to reset');
  });

  it('brings back a starter file the learner deleted, when told yes', async () => {
    execFileSync('git', ['rm', '-qf', 'katas/01-counter/counter.ts'], { cwd: workbook.root });
    commit('I deleted it');
    const result = await workbook.run('kata.ts', ['reset', '01'], { input: 'y\n' });
    expect(result.code).toBe(0);
    expect(existsSync(join(workbook.root, 'katas/01-counter/counter.ts'))).toBe(true);
  });
});
