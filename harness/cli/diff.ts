/**
 * `pnpm kata diff <kata> [file] [--unified | --side-by-side]`: each of your files (the
 * manifest's `starterFiles`; provided files are the same on both sides and left out)
 * against the reference solution's file of the same name. Unified, full width, on a
 * terminal narrower than `SIDE_BY_SIDE_MIN_COLUMNS`; yours beside the reference otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireKata } from '../workbook/find-kata.js';
import { requireManifest } from '../workbook/kata-manifest.js';
import { sideBySide } from './side-by-side.js';
import { painter } from './terminal.js';
import { unifiedDiff } from './unified-diff.js';

/** Below this width two halves are too narrow to read: the default is the unified view. */
export const SIDE_BY_SIDE_MIN_COLUMNS = 120;

export type DiffLayout = 'unified' | 'side-by-side';

/** The layout asked for, else the one that fits `width`. */
export function chooseLayout(flags: ReadonlySet<string>, width: number): DiffLayout {
  if (flags.has('--unified')) return 'unified';
  if (flags.has('--side-by-side')) return 'side-by-side';
  return width >= SIDE_BY_SIDE_MIN_COLUMNS ? 'side-by-side' : 'unified';
}

/** Prints the comparison; exit code 1 when the kata has no reference solution. */
export function diff(
  root: string,
  kataQuery: string | undefined,
  only: string | undefined,
  flags: ReadonlySet<string>,
): number {
  const kata = requireKata(root, kataQuery);
  const paint = painter();
  const yours = `katas/${kata.id}`;
  const reference = `solutions/${kata.id}`;
  if (!existsSync(join(root, reference))) {
    console.error(`Kata ${kata.id} has no reference solution in ${reference}/ yet.`);
    return 1;
  }
  const files = requireManifest(root, kata).starterFiles.filter(
    (file) => !only || file === only || file.endsWith(`/${only}`) || file === `${only}.ts`,
  );
  const width = process.stdout.columns || Number(process.env.COLUMNS) || 80;
  const layout = chooseLayout(flags, width);
  for (const file of files) {
    const [left, right] = [join(root, yours, file), join(root, reference, file)];
    if (!existsSync(right)) {
      console.log(`\n${reference}/${file}: the reference has no such file`);
      continue;
    }
    if (!existsSync(left)) {
      console.log(`\n${yours}/${file}: you have no such file (pnpm kata reset ${kata.id.slice(0, 2)} brings it back)`);
      continue;
    }
    const [a, b] = [readFileSync(left, 'utf8'), readFileSync(right, 'utf8')];
    if (a === b) {
      console.log(`\n${paint('green', '✓')} ${file}: the same as the reference`);
      continue;
    }
    if (layout === 'unified') {
      console.log(`\n${paint('bold', `--- yours: ${yours}/${file}\n+++ reference: ${reference}/${file}`)}`);
      console.log(unifiedDiff(a, b, paint).join('\n'));
    } else {
      const half = Math.max(20, Math.floor((width - 3) / 2));
      console.log(`\n${paint('bold', `${`yours: ${yours}/${file}`.padEnd(half)}   reference: ${reference}/${file}`)}`);
      console.log(sideBySide(a, b, width, paint).join('\n'));
    }
  }
  const legend =
    layout === 'unified' ? '- only yours · + only the reference' : '< only yours · > only the reference · | changed';
  console.log(`\n${legend}. Run the specs on the reference: pnpm test:solutions ${yours}`);
  return 0;
}
