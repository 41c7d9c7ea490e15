/** Type errors in the learner's files, shown before the specs' results, as a compiler shows them. */
import type { Style } from '../cli/terminal.js';
import { codeFrame } from './code-frame.js';
import type { KataTypeError } from './kata-typecheck.mjs';

type Paint = (style: Style, text: string) => string;

const MAX_SHOWN = 5;

/** The errors, at most `MAX_SHOWN`, each with its line; after a syntax error only that one (the rest follow from it). */
export function typeErrorLines(root: string, errors: readonly KataTypeError[], paint: Paint): string[] {
  const syntax = errors.find((error) => /^TS1\d{3}$/.test(error.code));
  const shown = syntax ? [syntax] : errors.slice(0, MAX_SHOWN);
  const what = syntax ? 'a syntax error' : `${errors.length} type error${errors.length > 1 ? 's' : ''}`;
  const lines = [
    paint('red', `✗ TypeScript: ${what} in your files. Fix ${syntax || errors.length === 1 ? 'it' : 'these'} first:`),
  ];
  for (const error of shown) {
    const [first = '', ...rest] = error.message.split('\n');
    lines.push(`    ${error.file}:${error.line}:${error.column}  ${error.code} ${first}`);
    lines.push(...rest.map((line) => `      ${line}`));
    lines.push(...codeFrame(root, error).map((line) => `      ${paint('dim', line)}`));
  }
  if (errors.length > MAX_SHOWN)
    lines.push(`    … and ${errors.length - shown.length} more: pnpm typecheck lists them all`);
  return lines;
}
