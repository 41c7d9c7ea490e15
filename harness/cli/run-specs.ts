/**
 * One real Vitest run of kata specs for the CLI, in a child process, reduced to
 * `RunOutcomes` by the outcomes reporter. Vitest's own output is kept and shown only
 * when the run produced no outcomes (a broken config, a crash).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BACKEND_VARIABLE, type BackendChoice } from '../backend-choice.js';
import type { SpecTarget } from '../katas-or-solutions.js';
import type { RunOutcomes } from '../reporters/spec-outcomes.js';
import type { KataInfo } from '../workbook/find-kata.js';
import { moduleCacheFlags } from './module-cache-flags.js';

/** Which katas to run, against whose code, on which backends. */
export interface RunSpecsOptions {
  root: string;
  katas: KataInfo[];
  /** Whose code the specs import: the learner's (`katas`) or the reference (`solutions`). */
  target: SpecTarget;
  /** The backends that judge the run (`--backend`). */
  backend: BackendChoice;
}

/** The JavaScript file of the `vitest` command installed in the workbook. */
export function vitestBin(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
}

/** Whether a kata folder holds any spec yet (katas "on their way" have none). */
export function hasSpecs(root: string, kata: KataInfo): boolean {
  const files = readdirSync(join(root, 'katas', kata.id), { recursive: true, encoding: 'utf8' });
  return files.some((file) => file.endsWith('.spec.ts'));
}

/** Runs the specs of `katas` once and returns what happened to each test. */
export async function runSpecs(options: RunSpecsOptions): Promise<RunOutcomes> {
  const katas = options.katas.filter((kata) => hasSpecs(options.root, kata));
  if (katas.length === 0) return { specs: [], broken: [] };
  const directory = mkdtempSync(join(tmpdir(), 'kata-run-'));
  const outcomesFile = join(directory, 'outcomes.json');
  const args = [
    vitestBin(options.root),
    'run',
    ...katas.map((kata) => `katas/${kata.id}/`),
    '--reporter=./harness/reporters/outcomes-reporter.ts',
    ...moduleCacheFlags(options.target),
  ];
  const env = {
    ...process.env,
    KATA_TARGET: options.target,
    [BACKEND_VARIABLE]: options.backend,
    KATA_OUTCOMES_FILE: outcomesFile,
  };
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += String(chunk)));
      child.stderr.on('data', (chunk) => (text += String(chunk)));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    try {
      return JSON.parse(readFileSync(outcomesFile, 'utf8')) as RunOutcomes;
    } catch {
      throw new Error(`Vitest did not finish the run. Its output:\n${output.trim().split('\n').slice(-30).join('\n')}`);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
