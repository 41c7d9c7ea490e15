/**
 * A kata's starter files as the workbook shipped them, for `kata reset`: the files its
 * manifest lists as `starterFiles`, read from git at the commit that last changed the
 * manifest (`katas/NN-name/kata.json`).
 *
 * Why that commit: the learner's own commits change starter files but never the manifest,
 * while the workbook's authors change a starter together with its manifest (a starter's
 * fix is a change to the kata, and the manifest is the kata's record). So the newest
 * manifest commit holds the newest shipped starters, whatever the learner committed since,
 * and nothing is guessed from file contents.
 */
import { execFileSync } from 'node:child_process';
import type { KataInfo } from './find-kata.js';
import { manifestPath, requireManifest } from './kata-manifest.js';

/** A starter file and its pristine content. */
export interface PristineFile {
  /** Relative to the workbook, with `/`: `katas/01-simple-cache/cache.ts`. */
  path: string;
  content: string;
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: 'pipe' });
}

/** The commit that last changed the kata's manifest; an error saying why there is none. */
export function manifestCommit(root: string, kata: KataInfo): string {
  let commit: string;
  try {
    commit = git(root, ['log', '-1', '--format=%H', '--', manifestPath(kata)]).trim();
  } catch {
    throw new Error('kata reset reads the starter files from git history, and this folder has none (no commit).');
  }
  if (!commit)
    throw new Error(`kata reset reads the starter files from git, and ${manifestPath(kata)} was never committed.`);
  return commit;
}

/** Every starter file of `kata`, as of the commit that last changed its manifest. */
export function pristineStarters(root: string, kata: KataInfo): PristineFile[] {
  const manifest = requireManifest(root, kata);
  const commit = manifestCommit(root, kata);
  return manifest.starterFiles.map((file) => {
    const path = `katas/${kata.id}/${file}`;
    try {
      return { path, content: git(root, ['show', `${commit}:${path}`]) };
    } catch {
      throw new Error(
        `${path} is a starter file in ${manifestPath(kata)}, but commit ${commit.slice(0, 7)} has no such file.`,
      );
    }
  });
}
