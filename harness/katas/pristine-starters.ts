/**
 * A kata's starter files as the workbook shipped them, read from git history.
 *
 * Which version is pristine? Not `HEAD`'s: the learner may have committed their work.
 * Not the commit that added the file: a later fix to a starter by the workbook's authors
 * would be lost. A learner's commits only ever *remove* `NotImplementedError` throws (they
 * write the bodies) while an author's fix keeps them, so the pristine starter is the
 * newest committed version with the most `NotImplementedError`s. Files that never had one
 * (specs, READMEs, helpers) are not starter files and are never touched.
 */
import { execFileSync } from 'node:child_process';
import type { KataInfo } from './find-kata.js';

/** A starter file and its pristine content. */
export interface PristineFile {
  /** Relative to the workbook, with `/`: `katas/01-simple-cache/cache.ts`. */
  path: string;
  content: string;
}

/** Whether `path` may be written by `kata reset` for `kata`: inside its folder, and not a spec or a test. */
export function isStarterPath(kata: KataInfo, path: string): boolean {
  const inKata = path.startsWith(`katas/${kata.id}/`) && !path.split('/').includes('..');
  return inKata && path.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(path);
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: 'pipe' });
}

/** Every starter file of `kata` ever committed, with its pristine content. Throws when `root` has no git history. */
export function pristineStarters(root: string, kata: KataInfo): PristineFile[] {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    throw new Error('kata reset reads the starter files from git history, and this folder has none (no commit).');
  }
  const everCommitted = git(root, ['log', '--format=', '--name-only', '--', `katas/${kata.id}/`])
    .split('\n')
    .filter((path, index, all) => path && all.indexOf(path) === index && isStarterPath(kata, path));
  const files: PristineFile[] = [];
  for (const path of everCommitted.sort()) {
    const pristine = pristineVersion(root, path);
    if (pristine) files.push({ path, content: pristine });
  }
  return files;
}

function pristineVersion(root: string, path: string): string | undefined {
  const commits = git(root, ['log', '--format=%H', '--', path]).split('\n').filter(Boolean);
  let best: { content: string; throws: number } | undefined;
  for (const commit of commits) {
    let content: string;
    try {
      content = git(root, ['show', `${commit}:${path}`]);
    } catch {
      continue; // deleted in this commit
    }
    const throws = content.match(/\bnew NotImplementedError\(/g)?.length ?? 0;
    if (throws > 0 && (!best || throws > best.throws)) best = { content, throws };
  }
  return best?.content;
}
