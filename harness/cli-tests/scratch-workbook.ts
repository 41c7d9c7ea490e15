/**
 * A scratch copy of the workbook in a temporary folder, with the fixture katas in place
 * of the real ones, and the CLI run there as a learner runs it: a real process, its real
 * output, no colour.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Files, fixtureKatas } from './fixture-katas.js';

/** How long a test may wait for the CLI: each call is a process, some start a Vitest run. */
export const CLI_TIMEOUT_MS = 90_000;

const workbook = fileURLToPath(new URL('../..', import.meta.url));
const copied = ['adapters', 'harness', 'server-kit', 'package.json', 'tsconfig.json', 'vitest.config.ts'];

/** A copy of the workbook to play the learner in. */
export interface ScratchWorkbook {
  root: string;
  /** Runs `harness/cli/<script> …args` there (tsx for `.ts`, node for `.mjs`); resolves with its exit code and output. */
  run(script: string, args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<CliResult>;
  /** Starts a long-running command (`kata watch`) in its own process group; stop it with `stop`. */
  start(script: string, args: string[]): ChildProcessWithoutNullStreams;
  read(path: string): string;
  write(files: Files): void;
  /** Makes the copy a git repository with one commit, as a fresh clone is. */
  commitAll(message: string): void;
  remove(): void;
}

/** What a finished command said. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no colour, `vitest` on PATH as under pnpm, nothing of the Vitest run the test is in. */
function learnerEnv(root: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|KATA_|TEST|NODE_ENV$|FORCE_COLOR$|REDIS_URL$)/.test(key)) env[key] = value;
  }
  const path = [join(root, 'node_modules/.bin'), env.PATH].filter(Boolean).join(delimiter);
  return { ...env, PATH: path, NO_COLOR: '1', ...extra };
}

/** Stops a process started with `start`, and everything it started. */
export function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  return exited;
}

/** A new scratch workbook with the fixture katas, `files` written over them. */
export function createScratchWorkbook(files: Files = {}): ScratchWorkbook {
  const root = mkdtempSync(join(tmpdir(), 'kata-workbook-'));
  for (const entry of copied) cpSync(join(workbook, entry), join(root, entry), { recursive: true });
  cpSync(join(workbook, 'katas/not-implemented-error.ts'), join(root, 'katas/not-implemented-error.ts'));
  symlinkSync(join(workbook, 'node_modules'), join(root, 'node_modules'), 'dir');
  const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
  // As package.json runs them: `pnpm test` is plain JavaScript, `pnpm kata` goes through tsx.
  const command = (script: string, args: string[]) =>
    script.endsWith('.mjs') ? [join('harness/cli', script), ...args] : [tsx, join('harness/cli', script), ...args];
  const scratch: ScratchWorkbook = {
    root,
    start: (script, args) =>
      spawn(process.execPath, command(script, args), {
        cwd: root,
        env: learnerEnv(root),
        detached: true,
      }),
    run: (script, args, options = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, command(script, args), {
          cwd: root,
          env: learnerEnv(root, options.env),
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += String(chunk)));
        child.stderr.on('data', (chunk) => (stderr += String(chunk)));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(options.input ?? '');
      }),
    read: (path) => readFileSync(join(root, path), 'utf8'),
    write: (more) => {
      for (const [path, content] of Object.entries(more)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
    },
    commitAll: (message) => {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
      writeFileSync(join(root, '.gitignore'), 'node_modules\n');
      git('init', '-q');
      git('add', '.');
      git('-c', 'user.name=Learner', '-c', 'user.email=learner@example.com', 'commit', '-q', '-m', message);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  scratch.write({ ...fixtureKatas, ...files });
  return scratch;
}
