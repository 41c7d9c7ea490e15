/**
 * Specs that touch no Redis run once, on the mock project: a spec file that does not
 * import `harness/test.ts` (it takes `test` from Vitest itself, so it gets no `redis`)
 * has nothing to learn from another backend.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const IMPORTS_REDIS_FIXTURES = /from\s+['"][./]*harness\/test(\.js)?['"]/;

/** Spec files under `folders` (relative to `root`, with `/`) that do not import `harness/test.ts`. */
export function redisFreeSpecs(root: string, folders: readonly string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .map((file) => `${folder}/${file.split('\\').join('/')}`)
      .filter(
        (file) => file.endsWith('.spec.ts') && !IMPORTS_REDIS_FIXTURES.test(readFileSync(join(root, file), 'utf8')),
      ),
  );
}
