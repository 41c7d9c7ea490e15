/**
 * What a learner needs to see of one failed test, kept small enough to print: the
 * assertion (its first lines), the diff (trimmed), and where it happened, in the spec
 * and in the learner's own file. Plain data, so the CLI's outcomes file can carry it.
 */
import { relative, sep } from 'node:path';
import type { TestError } from 'vitest';
import { stripAnsi } from './test-case-text.js';

/** A place in a file of the workbook (path relative to it, with `/`). */
export interface SourcePlace {
  file: string;
  line: number;
  column: number;
}

export interface FailureDetail {
  /** `Error: message`, at most `MESSAGE_LINES` lines. */
  message: string;
  /** Vitest's `- Expected / + Received` diff, at most `DIFF_LINES` lines. */
  diff?: string;
  /** The line of the spec that failed. */
  spec?: SourcePlace;
  /** The line of the learner's code (a non-spec file of a kata) the error came from. */
  code?: SourcePlace;
}

const MESSAGE_LINES = 8;
const DIFF_LINES = 16;
const FRAME = /(?:\(|\bat\s+)(?:file:\/\/)?(\/[^():]+|[A-Za-z]:[\\/][^():]+):(\d+):(\d+)\)?\s*$/;

/** The first `max` lines of `text`, and a line saying how many were left out. */
export function trimLines(text: string, max: number, what: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  if (lines.length <= max) return lines.join('\n');
  return [...lines.slice(0, max), `… ${lines.length - max} more lines of ${what} (--verbose shows them all)`].join(
    '\n',
  );
}

/** The frames of a stack that are in the workbook's own files (not node_modules), in order. */
export function workbookFrames(root: string, stack: string): SourcePlace[] {
  const places: SourcePlace[] = [];
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line.trim());
    if (!match?.[1]) continue;
    const file = relative(root, match[1]).split(sep).join('/');
    if (file.startsWith('..') || file.includes('node_modules/')) continue;
    places.push({ file, line: Number(match[2]), column: Number(match[3]) });
  }
  return places;
}

/**
 * Whether Vitest's `expected` or `actual` is absent or text on one line. Typed as text, it
 * can be the value itself, e.g. the Error a `rejects.toBeInstanceOf` received (with no
 * prototype, so not even convertible to text).
 */
function isOneLineText(value: unknown): boolean {
  return value == null || (typeof value === 'string' && !value.includes('\n'));
}

/** The detail of `error`, a failure of a test in `specFile` (relative to `root`). */
export function failureDetail(root: string, specFile: string, error: TestError): FailureDetail {
  const name = error.name && error.name !== 'Error' && !error.message.startsWith(error.name) ? `${error.name}: ` : '';
  const message = trimLines(stripAnsi(`${name}${error.message}`), MESSAGE_LINES, 'the message');
  // A one-line expected and actual are in the message already (`expected null to be 'hello'`).
  const oneLine = isOneLineText(error.expected) && isOneLineText(error.actual);
  const diff = error.diff && !oneLine ? trimLines(stripAnsi(error.diff), DIFF_LINES, 'the diff') : undefined;
  const frames = workbookFrames(root, error.stack ?? '');
  const spec = frames.find((frame) => frame.file === specFile);
  const code = frames.find((frame) => /^(katas|solutions)\/\d{2}-/.test(frame.file) && !/\.spec\.ts$/.test(frame.file));
  return { message, ...(diff ? { diff } : {}), ...(spec ? { spec } : {}), ...(code ? { code } : {}) };
}
