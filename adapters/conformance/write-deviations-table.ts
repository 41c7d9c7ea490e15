/**
 * Writes `adapters/MOCK-DEVIATIONS.md` from the typed list in `adapters/mock/deviations.ts`.
 * The Markdown file is generated, never edited by hand: change the list, then run
 *
 *   npx tsx adapters/conformance/write-deviations-table.ts
 *
 * `mock-deviations-table.test.ts` fails when the committed file and the list disagree.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderDeviationsTable } from '../mock/deviations.js';

/** Where the generated table lives. */
export const deviationsTableUrl = new URL('../MOCK-DEVIATIONS.md', import.meta.url);

/** The command that regenerates the table, for messages. */
export const regenerateCommand = 'npx tsx adapters/conformance/write-deviations-table.ts';

/** The committed table, or `null` when the file does not exist yet. */
export async function readDeviationsTable(): Promise<string | null> {
  return readFile(deviationsTableUrl, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

/** Writes the rendered table; returns whether the file changed. */
export async function writeDeviationsTable(): Promise<boolean> {
  const rendered = renderDeviationsTable();
  if ((await readDeviationsTable()) === rendered) return false;
  await writeFile(deviationsTableUrl, rendered);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const changed = await writeDeviationsTable();
  const path = fileURLToPath(deviationsTableUrl);
  console.log(changed ? `Wrote ${path}` : `${path} is up to date`);
}
