/**
 * Vitest flags that keep Vite's transforms on disk between runs (about a third less CPU a
 * run), for the CLI's own Vitest runs; `harness/cli/test.mjs` sets the same for `pnpm test`.
 * One cache per target: the katas↔solutions switch resolves the same import to other files.
 */
import type { SpecTarget } from '../katas-or-solutions.js';

export function moduleCacheFlags(target: SpecTarget): string[] {
  return [
    '--experimental.fsModuleCache',
    `--experimental.fsModuleCachePath=node_modules/.cache/redis-katas/vitest-${target}`,
  ];
}
