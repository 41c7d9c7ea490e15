/** A few lines of source around a place, the line itself marked: what Vitest calls a code frame. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourcePlace } from './failure-detail.js';

/** `   12| expect(…)` lines, `>` on the place's line and a `^` under its column; `[]` when the file is unreadable. */
export function codeFrame(root: string, place: SourcePlace, around = 1): string[] {
  let lines: string[];
  try {
    lines = readFileSync(join(root, place.file), 'utf8').split('\n');
  } catch {
    return [];
  }
  const first = Math.max(1, place.line - around);
  const last = Math.min(lines.length, place.line + around);
  const width = String(last).length;
  const frame: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const marker = number === place.line ? '>' : ' ';
    frame.push(`${marker} ${String(number).padStart(width)}| ${lines[number - 1] ?? ''}`.trimEnd());
    if (number === place.line) frame.push(`  ${' '.repeat(width)}| ${' '.repeat(Math.max(0, place.column - 1))}^`);
  }
  return frame;
}
