/**
 * `.katas/progress.json`: where the learner is, kept in the workbook so it survives a new
 * clone or machine. Safe to commit: kata ids, step numbers and hint levels only (no
 * paths, no names, no secrets, no timestamps), written in a stable order so a commit
 * shows only what changed.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One kata's progress. */
export interface KataProgress {
  state: 'not-started' | 'in-progress' | 'done';
  /** Step numbers that were green in the latest run that ran them. */
  stepsPassed: number[];
  stepsTotal: number;
  /** Step number → how many levels of its hint ladder were shown. */
  hintsShown: Record<string, number>;
}

/** The whole file. */
export interface Progress {
  version: 1;
  /** Kata id (`01-simple-cache`) → its progress. */
  katas: Record<string, KataProgress>;
}

/** The file, relative to the workbook root. */
export const PROGRESS_FILE = '.katas/progress.json';

/** An empty progress. */
export function emptyProgress(): Progress {
  return { version: 1, katas: {} };
}

/** Reads the file; an empty progress when it is missing or unreadable (it is rebuilt by the next run). */
export function readProgress(root: string): Progress {
  try {
    const parsed = JSON.parse(readFileSync(join(root, PROGRESS_FILE), 'utf8')) as Partial<Progress>;
    return { version: 1, katas: typeof parsed.katas === 'object' && parsed.katas ? parsed.katas : {} };
  } catch {
    return emptyProgress();
  }
}

/** Writes the file atomically, keys in a stable order. */
export function writeProgress(root: string, progress: Progress): void {
  const katas: Record<string, KataProgress> = {};
  for (const id of Object.keys(progress.katas).sort()) {
    const kata = progress.katas[id];
    if (!kata) continue;
    const hints = Object.keys(kata.hintsShown).sort((a, b) => Number(a) - Number(b));
    katas[id] = {
      state: kata.state,
      stepsPassed: [...new Set(kata.stepsPassed)].sort((a, b) => a - b),
      stepsTotal: kata.stepsTotal,
      hintsShown: Object.fromEntries(hints.map((step) => [step, kata.hintsShown[step] ?? 0])),
    };
  }
  const path = join(root, PROGRESS_FILE);
  mkdirSync(join(root, '.katas'), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  // Step lists on one line: `"stepsPassed": [1, 2, 3]`.
  const json = JSON.stringify({ version: 1, katas }, null, 2).replace(
    /\[\s+([\d,\s]+?)\s+\]/g,
    (_, items: string) => `[${items.split(/,\s*/).join(', ')}]`,
  );
  writeFileSync(temporary, `${json}\n`);
  renameSync(temporary, path);
}
