/**
 * Two texts as one unified diff, full width: `-` a line only yours, `+` a line only the
 * reference's, a few unchanged lines around each change, `@@` where each change starts.
 * Lines are paired as in the side-by-side view (`pairLines`).
 */
import { pairLines } from './side-by-side.js';
import type { Style } from './terminal.js';

type Paint = (style: Style, text: string) => string;

interface DiffLine {
  mark: ' ' | '-' | '+';
  text: string;
  /** Line numbers in yours and in the reference (the one before, for a line the other lacks). */
  left: number;
  right: number;
}

function diffLines(left: string, right: string): DiffLine[] {
  const lines = (text: string) => text.replace(/\n$/, '').split('\n');
  const out: DiffLine[] = [];
  let [l, r] = [0, 0];
  for (const row of pairLines(lines(left), lines(right))) {
    if (row.left !== undefined && row.left === row.right)
      out.push({ mark: ' ', text: row.left, left: ++l, right: ++r });
    else {
      if (row.left !== undefined) out.push({ mark: '-', text: row.left, left: ++l, right: r });
      if (row.right !== undefined) out.push({ mark: '+', text: row.right, left: l, right: ++r });
    }
  }
  return out;
}

/** The diff's lines, changes with `context` unchanged lines around them; `[]` when the texts are the same. */
export function unifiedDiff(left: string, right: string, paint: Paint, context = 3): string[] {
  const lines = diffLines(left, right);
  const changed = lines.map((line, index) => (line.mark === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return [];
  const shown = new Set<number>();
  for (const index of changed)
    for (let near = Math.max(0, index - context); near <= Math.min(lines.length - 1, index + context); near += 1)
      shown.add(near);
  const out: string[] = [];
  let previous = -2;
  for (const index of [...shown].sort((a, b) => a - b)) {
    const line = lines[index] as DiffLine;
    if (index !== previous + 1)
      out.push(paint('cyan', `@@ yours line ${line.left || 1}, reference line ${line.right || 1} @@`));
    previous = index;
    const text = `${line.mark} ${line.text}`.trimEnd();
    out.push(line.mark === '-' ? paint('red', text) : line.mark === '+' ? paint('green', text) : text);
  }
  return out;
}
