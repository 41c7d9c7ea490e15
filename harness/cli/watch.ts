/**
 * `pnpm kata watch <kata> [--all] [--backend …]`: Vitest's watch mode on one kata, judged as
 * `pnpm test` judges it (the mock unless `--backend` says otherwise), with the learner's
 * screen. Focused on the first step not green (as the progress file last saw it); the
 * focus reporter moves on by itself when it turns green. `--all` shows every step. No spec
 * is edited: focusing is Vitest's test-name pattern.
 */
import { spawn } from 'node:child_process';
import { BACKEND_VARIABLE, type BackendChoice } from '../backend-choice.js';
import { readProgress } from '../progress/progress-file.js';
import { kataProgress } from '../progress/record-progress.js';
import { type KataInfo, requireKata } from '../workbook/find-kata.js';
import { kataOutline } from '../workbook/kata-outline.js';
import { specStepNumbers } from '../workbook/spec-steps.js';
import { moduleCacheFlags } from './module-cache-flags.js';
import { hasSpecs, vitestBin } from './run-specs.js';

/** Step numbers named by the kata's README or its specs, in order. */
export function knownSteps(root: string, kata: KataInfo): number[] {
  const numbers = new Set([
    ...kataOutline(root, kata).steps.map((step) => step.number),
    ...specStepNumbers(root, kata),
  ]);
  return [...numbers].sort((a, b) => a - b);
}

/** Runs Vitest in watch mode until the learner quits; resolves with its exit code. */
export function watch(
  root: string,
  kataQuery: string | undefined,
  all: boolean,
  backend: BackendChoice,
): Promise<number> {
  const kata = requireKata(root, kataQuery);
  if (!hasSpecs(root, kata)) throw new Error(`Kata ${kata.id} has no specs yet: it is on its way.`);
  const passed = kataProgress(readProgress(root), kata.id).stepsPassed;
  const first = knownSteps(root, kata).find((step) => !passed.includes(step));
  const focus = all || first === undefined ? undefined : first;
  const args = [
    vitestBin(root),
    `katas/${kata.id}/`,
    '--watch',
    ...moduleCacheFlags('katas'),
    '--reporter=./harness/reporters/learner-reporter.ts',
    ...(focus === undefined ? [] : ['--reporter=./harness/reporters/focus-reporter.ts']),
  ];
  const env = {
    ...process.env,
    KATA_TARGET: 'katas',
    [BACKEND_VARIABLE]: backend,
    KATA_WATCH_KATA: kata.id,
    ...(focus === undefined ? {} : { KATA_WATCH_STEP: String(focus) }),
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    // Ctrl-C reaches Vitest by itself; a plain `kill` of this process must not leave it behind.
    process.on('SIGTERM', () => child.kill('SIGTERM'));
    process.on('SIGINT', () => child.kill('SIGINT'));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 0)));
  });
}
