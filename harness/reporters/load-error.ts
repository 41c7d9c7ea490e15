/**
 * A spec file that did not load, said in a few plain lines: the error without colour
 * codes, stack or bundler preamble, and the file it is in (relative to the workbook).
 */
import { relative, sep } from 'node:path';
import type { SerializedError } from 'vitest';
import { stripAnsi } from './test-case-text.js';

/** At most `maxLines` lines saying what is wrong and where. */
export function describeLoadError(root: string, error: SerializedError | undefined, maxLines = 8): string {
  if (!error) return 'The file did not load.';
  const name = error.name && error.name !== 'Error' && !error.message.startsWith(error.name) ? `${error.name}: ` : '';
  const lines = stripAnsi(`${name}${error.message}`)
    .split('\n')
    .filter((line) => !/^(Transform failed with \d+ errors?:)?\s*$/.test(line));
  const id = (error as { __vitest_rollup_error__?: { id?: string } }).__vitest_rollup_error__?.id;
  const file = id ? relative(root, id).split(sep).join('/') : undefined;
  const where = file && !lines.some((line) => line.includes(file)) ? [`in ${file}`] : [];
  return [...lines.slice(0, maxLines), ...where].join('\n');
}
