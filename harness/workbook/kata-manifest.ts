/**
 * `katas/NN-name/kata.json`, the kata's manifest: its steps, the files the learner writes
 * (starters, which throw `NotImplementedError` until written) and the files given to the
 * learner (provided, not to edit). The CLI's status, reset and diff read it; nothing is
 * guessed from git history or file contents.
 *
 *   { "id": "04-leaderboard", "title": "Leaderboard",
 *     "steps": [{ "number": 1, "title": "submit and read scores" }, …],
 *     "starterFiles": ["leaderboard.ts"], "providedFiles": ["catalogue.ts", "bench.ts"] }
 *
 * Paths are relative to the kata folder. Spec files, README.md, HINTS.md and kata.json
 * itself are neither starter nor provided; every other file of the folder must be one of
 * the two (`manifestProblems` says which are not).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KataInfo } from './find-kata.js';

export interface KataManifest {
  id: string;
  title: string;
  steps: { number: number; title: string }[];
  /** The files the learner writes. */
  starterFiles: string[];
  /** Code given to the learner, not to edit. */
  providedFiles: string[];
}

/** The manifest's file name, in the kata folder. */
export const MANIFEST_FILE = 'kata.json';

/** Files of a kata folder that are neither starter nor provided. */
const OWN_FILES = /^(README\.md|HINTS\.md|kata\.json|.*\.spec\.ts)$/;

/** What a provided `.ts` file's header comment says. */
export const PROVIDED_HEADER = 'Provided: you do not need to edit this file.';

/** A manifest that is not there or not well formed: names the file and what is wrong. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);
}

function isStepList(value: unknown): value is KataManifest['steps'] {
  return (
    Array.isArray(value) &&
    value.every(
      (step) =>
        typeof step === 'object' &&
        step !== null &&
        Number.isInteger((step as { number?: unknown }).number) &&
        typeof (step as { title?: unknown }).title === 'string',
    )
  );
}

/** Checks parsed JSON against the format; the error names the first field that is wrong. */
export function parseManifest(json: unknown, where: string): KataManifest {
  const value = json as Partial<Record<keyof KataManifest, unknown>>;
  const wrong = (field: string, expected: string) => new ManifestError(`${where}: "${field}" must be ${expected}.`);
  if (typeof json !== 'object' || json === null) throw new ManifestError(`${where}: expected a JSON object.`);
  if (typeof value.id !== 'string') throw wrong('id', 'the kata folder name, e.g. "01-simple-cache"');
  if (typeof value.title !== 'string') throw wrong('title', 'a string');
  if (!isStepList(value.steps)) throw wrong('steps', 'a list of { "number": 1, "title": "…" }');
  if (!isStringList(value.starterFiles)) throw wrong('starterFiles', 'a list of file names');
  if (!isStringList(value.providedFiles)) throw wrong('providedFiles', 'a list of file names');
  return {
    id: value.id,
    title: value.title,
    steps: value.steps.map(({ number, title }) => ({ number, title })),
    starterFiles: value.starterFiles,
    providedFiles: value.providedFiles,
  };
}

/** The path of a kata's manifest, relative to the workbook. */
export function manifestPath(kata: KataInfo): string {
  return `katas/${kata.id}/${MANIFEST_FILE}`;
}

/** Reads a kata's manifest; `undefined` when the kata has none (a kata on its way). */
export function readManifest(root: string, kata: KataInfo): KataManifest | undefined {
  const path = join(root, manifestPath(kata));
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ManifestError(`${manifestPath(kata)} is not valid JSON: ${(error as Error).message}`);
  }
  return parseManifest(json, manifestPath(kata));
}

/** Reads a kata's manifest; a `ManifestError` when it has none. */
export function requireManifest(root: string, kata: KataInfo): KataManifest {
  const manifest = readManifest(root, kata);
  if (!manifest) throw new ManifestError(`Kata ${kata.id} has no ${MANIFEST_FILE}: it is on its way.`);
  return manifest;
}

/** Every file of a kata folder, relative to it, with `/`. */
export function kataFolderFiles(root: string, kata: KataInfo): string[] {
  return readdirSync(join(root, 'katas', kata.id), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(join(root, 'katas', kata.id).length + 1))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

/**
 * What is wrong between a manifest and its folder, one sentence each: a file that is not
 * covered, a listed file that is missing, a file listed twice, an id that is not the
 * folder's, a provided `.ts` file without its header comment.
 */
export function manifestProblems(root: string, kata: KataInfo, manifest: KataManifest): string[] {
  const problems: string[] = [];
  const folder = `katas/${kata.id}`;
  if (manifest.id !== kata.id) problems.push(`${folder}/${MANIFEST_FILE}: "id" is "${manifest.id}", not "${kata.id}".`);
  const listed = [...manifest.starterFiles, ...manifest.providedFiles];
  for (const file of listed.filter((each, index) => listed.indexOf(each) !== index))
    problems.push(`${folder}/${file} is listed twice in ${MANIFEST_FILE}.`);
  for (const file of listed.filter((each) => !existsSync(join(root, folder, each))))
    problems.push(`${folder}/${file} is listed in ${MANIFEST_FILE} but does not exist.`);
  for (const file of kataFolderFiles(root, kata)) {
    if (OWN_FILES.test(file.split('/').pop() ?? '') || listed.includes(file)) continue;
    problems.push(`${folder}/${file} is in no list of ${MANIFEST_FILE}: add it to "starterFiles" or "providedFiles".`);
  }
  for (const file of manifest.providedFiles.filter((each) => each.endsWith('.ts'))) {
    const path = join(root, folder, file);
    if (existsSync(path) && !readFileSync(path, 'utf8').slice(0, 400).includes(PROVIDED_HEADER))
      problems.push(`${folder}/${file} is provided: its header comment must say "${PROVIDED_HEADER}"`);
  }
  return problems;
}
