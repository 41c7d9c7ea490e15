/**
 * The instructor's switch. Specs live only in `katas/` and import the learner's files by
 * relative path; with target `solutions`, an import from a spec of `katas/NN-name/x.ts`
 * resolves to `solutions/NN-name/x.ts` instead. Same spec files, no copies.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Whose code the specs import: the learner's (`katas`) or the reference (`solutions`). */
export type SpecTarget = 'katas' | 'solutions';

export function specTargetFromEnv(env: NodeJS.ProcessEnv = process.env): SpecTarget {
  return env.KATA_TARGET === 'solutions' ? 'solutions' : 'katas';
}

const isSpecFile = (file: string) => /\.(spec|test)\.ts$/.test(file);

/** `…/katas/01-x/cache.ts` → `…/solutions/01-x/cache.ts`; `null` for files outside a kata or for specs. */
export function solutionCounterpart(root: string, file: string): string | null {
  const parts = relative(root, file).split(sep);
  if (parts[0] !== 'katas' || parts.length < 3 || isSpecFile(file)) return null;
  return resolve(root, 'solutions', ...parts.slice(1));
}

export function katasOrSolutions(root: string, target: SpecTarget): Plugin {
  return {
    name: 'katas-or-solutions',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (target === 'katas' || !importer || !isSpecFile(importer)) return null;
      if (!relative(root, importer).startsWith(`katas${sep}`)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const counterpart = solutionCounterpart(root, resolved.id);
      return counterpart && existsSync(counterpart) ? counterpart : null;
    },
  };
}
