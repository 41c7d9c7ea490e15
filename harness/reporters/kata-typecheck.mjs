// @ts-check
/**
 * Type errors first: while the specs run, TypeScript checks the katas of the run (their
 * folders, and what they import), and the learner's screen shows the errors in those
 * folders before any spec result, as a compiler would. TypeScript 7 (the native
 * compiler), single-threaded so it leaves the other core to Vitest, with an incremental
 * build file under `node_modules/.cache`: about 0.5 s, under 1 s after an edit, on an
 * idle machine. When no file it reads changed since the last check (same sizes and
 * modification times), the last result is reused and no compiler starts.
 *
 * Plain JavaScript so that `pnpm test` (`harness/cli/test.mjs`) can start the check before
 * Vitest has even loaded its config; the learner's reporter then joins that check.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * One error TypeScript reported in a kata's file (path relative to the workbook, with `/`).
 * @typedef {{ file: string, line: number, column: number, code: string, message: string }} KataTypeError
 */

const CACHE = 'node_modules/.cache/redis-katas';
const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
/** The folders and files a kata's types depend on besides its own folder: the workbook code it imports. */
const DEPENDENCIES = [
  'adapters',
  'server-kit',
  'harness',
  'katas/not-implemented-error.ts',
  'tsconfig.json',
  'package.json',
];
const PENDING = Symbol.for('redis-katas.pending-typecheck');

/**
 * Reads `tsc --pretty false` output; continuation lines join their error's message.
 * @param {string} output
 * @returns {KataTypeError[]}
 */
export function parseTypeErrors(output) {
  /** @type {KataTypeError[]} */
  const errors = [];
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

/**
 * Sizes and modification times of every file under `paths` (relative to `root`), hashed.
 * @param {string} root
 * @param {readonly string[]} paths
 */
export function sourceFingerprint(root, paths) {
  const hash = createHash('sha256');
  for (const path of paths) {
    /** @type {import('node:fs').Stats} */
    let stat;
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

/**
 * The TypeScript compiler's command line script in the workbook.
 * @param {string} root
 */
function tscScript(root) {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
}

/**
 * @param {string} file
 * @param {{ fingerprint: string, errors: KataTypeError[] }} result
 */
function writeResult(file, result) {
  try {
    writeFileSync(file, JSON.stringify(result));
  } catch {
    // A read-only cache only costs the next run a check.
  }
}

/**
 * Checks `kataIds`' folders of `katas/`; resolves with the errors in those folders (errors
 * elsewhere are the workbook's, not the learner's), never rejects: a compiler that cannot
 * run leaves the specs to speak.
 * @param {string} root
 * @param {readonly string[]} kataIds
 * @returns {Promise<KataTypeError[]>}
 */
export function typecheckKatas(root, kataIds) {
  if (kataIds.length === 0) return Promise.resolve([]);
  const name = kataIds.map((id) => id.slice(0, 2)).join('-');
  const config = join(root, CACHE, `tsconfig.katas-${name}.json`);
  const folders = kataIds.map((id) => `katas/${id}/`);
  const resultFile = join(root, CACHE, `katas-${name}.result.json`);
  const fingerprint = sourceFingerprint(root, [...folders, ...DEPENDENCIES]);
  try {
    const last = JSON.parse(readFileSync(resultFile, 'utf8'));
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
  const buildInfo = `${CACHE}/katas-${name}.tsbuildinfo`;
  const args = ['--noEmit', '--pretty', 'false', '--singleThreaded', '--incremental', '--tsBuildInfoFile', buildInfo];
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [tscScript(root), ...args, '-p', config], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('error', () => resolve([]));
    child.on('close', (code) => {
      const errors = parseTypeErrors(output).filter((error) => folders.some((folder) => error.file.startsWith(folder)));
      if (code !== null) writeResult(resultFile, { fingerprint, errors });
      resolve(errors);
    });
  });
}

/**
 * @returns {Map<string, Promise<KataTypeError[]>>}
 */
function pending() {
  const registry = /** @type {{ [PENDING]?: Map<string, Promise<KataTypeError[]>> }} */ (globalThis);
  registry[PENDING] ??= new Map();
  return registry[PENDING];
}

/**
 * Starts checking `kataIds` ahead of the run that will need it (`pnpm test`, before Vitest starts).
 * @param {string} root
 * @param {readonly string[]} kataIds
 */
export function startTypecheckEarly(root, kataIds) {
  pending().set([...kataIds].sort().join(','), typecheckKatas(root, kataIds));
}

/**
 * The check of `kataIds`: the one started early for them, once, else a new one.
 * @param {string} root
 * @param {readonly string[]} kataIds
 * @returns {Promise<KataTypeError[]>}
 */
export function typecheckForRun(root, kataIds) {
  const key = [...kataIds].sort().join(',');
  const early = pending().get(key);
  pending().delete(key);
  return early ?? typecheckKatas(root, kataIds);
}
