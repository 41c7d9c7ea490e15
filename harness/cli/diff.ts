/**
 * `pnpm kata diff <kata> [file]`: each of your files beside the reference solution's
 * file of the same name (yours on the left), and the files only one side has.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireKata } from '../katas/find-kata.js';
import { sideBySide } from './side-by-side.js';
import { painter } from './terminal.js';

function codeFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(file))
    .sort();
}

/** Prints the comparison; exit code 1 when the kata has no reference solution. */
export function diff(root: string, kataQuery: string | undefined, only?: string): number {
  const kata = requireKata(root, kataQuery);
  const paint = painter();
  const yours = `katas/${kata.id}`;
  const reference = `solutions/${kata.id}`;
  const referenceFiles = codeFiles(join(root, reference));
  if (referenceFiles.length === 0) {
    console.error(`Kata ${kata.id} has no reference solution in ${reference}/ yet.`);
    return 1;
  }
  const files = [...new Set([...codeFiles(join(root, yours)), ...referenceFiles])]
    .filter((file) => !only || file === only || file.endsWith(`/${only}`) || file === `${only}.ts`)
    .sort();
  const width = process.stdout.columns || Number(process.env.COLUMNS) || 160;
  for (const file of files) {
    const left = join(root, yours, file);
    const right = join(root, reference, file);
    if (!existsSync(right)) {
      console.log(`\n${yours}/${file}: yours only (the reference has no such file)`);
      continue;
    }
    if (!existsSync(left)) {
      console.log(`\n${reference}/${file}: the reference only (you have no such file)`);
      continue;
    }
    const [a, b] = [readFileSync(left, 'utf8'), readFileSync(right, 'utf8')];
    if (a === b) {
      console.log(`\n${paint('green', '✓')} ${file}: the same as the reference`);
      continue;
    }
    const half = Math.max(20, Math.floor((width - 3) / 2));
    console.log(`\n${paint('bold', `${`yours: ${yours}/${file}`.padEnd(half)}   reference: ${reference}/${file}`)}`);
    console.log(sideBySide(a, b, width, paint).join('\n'));
  }
  console.log(
    `\n< only yours · > only the reference · | changed. Run the specs on the reference: pnpm test:solutions ${yours}`,
  );
  return 0;
}
