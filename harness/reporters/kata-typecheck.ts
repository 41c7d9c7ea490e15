/**
 * Type errors first: while the specs run, TypeScript checks the katas of the run (their
 * folders, and what they import), and the learner's screen shows the errors in those
 * folders before any spec result, as a compiler would. TypeScript 7 (the native
 * compiler), single-threaded so it leaves the other core to Vitest, with an incremental
 * build file under `node_modules/.cache`: about 0.5 s, under 1 s after an edit, on an
 * idle machine. When no file it reads changed since the last check (same sizes and
 * modification times), the last result is reused and no compiler starts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** The folders and files a kata's types depend on (its own folder, and the workbook code it imports). */
const DEPENDENCIES = [
  'adapters',
  'server-kit',
  'harness',
  'katas/not-implemented-error.ts',
  'tsconfig.json',
  'package.json',
];

/** Sizes and modification times of every file the check reads, hashed. */
export function sourceFingerprint(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(join(root, path));
    } catch {
      hash.update(`${path}:missing\n`);
      continue;
    }
    const files = stat.isDirectory()
      ? readdirSync(join(root, path), { recursive: true, encoding: 'utf8' })
          .map((file) => join(path, file))
          .sort()
      : [path];
    for (const file of files) {
      const each = statSync(join(root, file));
      if (each.isFile()) hash.update(`${file}:${each.size}:${each.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
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
  const resultFile = join(root, CACHE, `katas-${name}.result.json`);
  const fingerprint = sourceFingerprint(root, [...folders, ...DEPENDENCIES]);
  try {
    const last = JSON.parse(readFileSync(resultFile, 'utf8')) as { fingerprint: string; errors: KataTypeError[] };
    if (last.fingerprint === fingerprint) return Promise.resolve(last.errors);
  } catch {
    // No result yet, or an unreadable one: check.
  }
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
    child.on('close', (code) => {
      const errors = parseTypeErrors(output).filter((error) => folders.some((folder) => error.file.startsWith(folder)));
      if (code !== null) writeResult(resultFile, { fingerprint, errors });
      resolve(errors);
    });
  });
}

function writeResult(file: string, result: { fingerprint: string; errors: KataTypeError[] }): void {
  try {
    writeFileSync(file, JSON.stringify(result));
  } catch {
    // A read-only cache only costs the next run a check.
  }
}
