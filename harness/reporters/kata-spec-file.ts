/** Which kata a spec file belongs to, read from its path: `katas/NN-name/….spec.ts`. */
import { relative, sep } from 'node:path';

const KATA_SPEC = /^katas\/(\d{2}-[a-z0-9-]+)\/.*\.spec\.ts$/;

/** The workbook-relative path of `file`, with `/`. */
export function workbookPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** `01-simple-cache` for a spec of that kata; `undefined` for any other file. */
export function kataIdOf(root: string, file: string): string | undefined {
  return KATA_SPEC.exec(workbookPath(root, file))?.[1];
}
