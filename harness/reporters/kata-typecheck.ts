/**
 * Type errors first: while the specs run, TypeScript checks the katas of the run (their
 * folders, and what they import), and the learner's screen shows the errors in those
 * folders before any spec result, as a compiler would. TypeScript 7 (the native
 * compiler) with an incremental build file under `node_modules/.cache`: about 0.5 s when
 * nothing changed, under 1 s after an edit, on this project.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One error TypeScript reported in a kata's file (path relative to the workbook, with `/`). */
export interface KataTypeError {
  file: string;
  line: number;
  column: number;
  /** `TS2322` */
  code: string;
  message: string;
}

const CACHE = 'node_modules/.cache/redis-katas';
const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** Reads `tsc --pretty false` output; continuation lines join their error's message. */
export function parseTypeErrors(output: string): KataTypeError[] {
  const errors: KataTypeError[] = [];
  for (const line of output.split('\n')) {
    const match = DIAGNOSTIC.exec(line.trimEnd());
    const last = errors[errors.length - 1];
    if (match) {
      const [, file = '', lineNumber, column, code = '', message = ''] = match;
      errors.push({
        file: file.split('\\').join('/'),
        line: Number(lineNumber),
        column: Number(column),
        code,
        message,
      });
    } else if (last && /^\s+\S/.test(line)) last.message += `\n${line.trim()}`;
  }
  return errors;
}

/** The TypeScript compiler's command line script in the workbook. */
function tscScript(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
}

/**
 * Checks `kataIds`' folders of `katas/`; resolves with the errors in those folders (errors
 * elsewhere are the workbook's, not the learner's), never rejects: a compiler that cannot
 * run leaves the specs to speak.
 */
export function typecheckKatas(root: string, kataIds: readonly string[]): Promise<KataTypeError[]> {
  if (kataIds.length === 0) return Promise.resolve([]);
  const name = kataIds.map((id) => id.slice(0, 2)).join('-');
  const config = join(root, CACHE, `tsconfig.katas-${name}.json`);
  const folders = kataIds.map((id) => `katas/${id}/`);
  try {
    mkdirSync(dirname(config), { recursive: true });
    const include = folders.map((folder) => `../../../${folder}`);
    writeFileSync(config, `${JSON.stringify({ extends: '../../../tsconfig.json', include })}\n`);
  } catch {
    return Promise.resolve([]);
  }
  const args = [
    '--noEmit',
    '--pretty',
    'false',
    '--incremental',
    '--tsBuildInfoFile',
    `${CACHE}/katas-${name}.tsbuildinfo`,
  ];
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [tscScript(root), ...args, '-p', config], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.on('error', () => resolve([]));
    child.on('close', () =>
      resolve(parseTypeErrors(output).filter((error) => folders.some((folder) => error.file.startsWith(folder)))),
    );
  });
}
