/**
 * The harness has two sides. What specs run on: `harness/*.ts` (fixtures, outage, the
 * katas↔solutions switch, backend names), `harness/http/`, `harness/redis-source/`,
 * `harness/browser/`. The
 * tooling around them: `harness/cli/`, `reporters/`, `matrix/`, `workbook/`, `progress/`,
 * `bench/`, `cli-tests/`, and the benchmarks wherever they live (`adapters/bench/`, a kata's
 * `bench*.ts`: scripts run by `pnpm bench`, never loaded by a spec). Tooling may use the spec
 * side; nothing outside the tooling (the spec side, the adapters, the katas, the solutions,
 * the server kit) imports tooling, so a spec never loads the CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOOLING = ['cli', 'reporters', 'matrix', 'workbook', 'progress', 'bench', 'cli-tests'].map(
  (folder) => `harness/${folder}/`,
);
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

const isBenchmark = (file: string) => file.startsWith('adapters/bench/') || /^katas\/[^/]+\/bench[^/]*\.ts$/.test(file);
const isTooling = (file: string) => TOOLING.some((folder) => file.startsWith(folder)) || isBenchmark(file);

/** Every TypeScript file of the workbook outside the tooling, relative to it. */
function nonToolingFiles(): string[] {
  const folders = ['harness', 'adapters', 'katas', 'solutions', 'server-kit'];
  return folders
    .flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).map(
        (file) => `${folder}/${file.split(sep).join('/')}`,
      ),
    )
    .filter((file) => /\.(ts|mts)$/.test(file) && !isTooling(file))
    .concat('vitest.config.ts');
}

/** The workbook-relative files a file imports by relative path. */
function relativeImports(file: string, source: string): string[] {
  return [...source.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? '')
    .map((specifier) =>
      relative(root, resolve(root, dirname(file), specifier))
        .split(sep)
        .join('/'),
    );
}

describe('the harness layers', () => {
  it('finds the imports of a file, static and dynamic', () => {
    const source = "import { a } from '../cli/a.js';\nexport { b } from './b.js';\nawait import('../reporters/c.js');";
    expect(relativeImports('harness/x.ts', source)).toEqual(['cli/a.js', 'harness/b.js', 'reporters/c.js']);
  });

  it('has no import of the tooling outside the tooling', () => {
    const offending = nonToolingFiles().flatMap((file) =>
      relativeImports(file, readFileSync(join(root, file), 'utf8'))
        .filter(isTooling)
        .map((target) => `${file} imports ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
