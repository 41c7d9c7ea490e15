/**
 * Two texts beside each other, line by line: the same lines side by side, a changed
 * line marked `|`, a line only on the left `<`, only on the right `>` (the markers of
 * `diff -y`, so it reads without colour). Lines are matched by longest common subsequence.
 */
import type { Style } from './terminal.js';

type Paint = (style: Style, text: string) => string;
type Row = { left?: string; right?: string };

/** Lines pairing `left` and `right`. */
export function pairLines(left: string[], right: string[]): Row[] {
  const lengths = Array.from({ length: left.length + 1 }, () => new Array<number>(right.length + 1).fill(0));
  for (let i = left.length - 1; i >= 0; i--)
    for (let j = right.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      row[j] =
        left[i] === right[j] ? (lengths[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  const rows: Row[] = [];
  const removed: string[] = [];
  const added: string[] = [];
  const flush = () => {
    rows.push(...pairChanged(removed.splice(0), added.splice(0)));
  };
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i < left.length && j < right.length && left[i] === right[j]) {
      flush();
      rows.push({ left: left[i++], right: right[j++] });
    } else if (j >= right.length || (i < left.length && (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)))
      removed.push(left[i++] as string);
    else added.push(right[j++] as string);
  }
  flush();
  return rows;
}

/** Within a changed block, a removed and an added line share a row when they look alike (`a(x)` → `a(y)`). */
function pairChanged(removed: string[], added: string[]): Row[] {
  const rows: Row[] = [];
  let next = 0;
  for (const right of added) {
    const match = removed.findIndex((left, index) => index >= next && similarity(left, right) >= 0.5);
    if (match === -1) {
      rows.push({ right });
      continue;
    }
    for (const left of removed.slice(next, match)) rows.push({ left });
    rows.push({ left: removed[match], right });
    next = match + 1;
  }
  for (const left of removed.slice(next)) rows.push({ left });
  // Lines left unpaired next to each other are a change too, as `diff -y` shows it.
  const zipped: Row[] = [];
  let lone: Row[] = [];
  const zipLone = () => {
    const lefts = lone.filter((row) => row.right === undefined).map((row) => row.left);
    const rights = lone.filter((row) => row.left === undefined).map((row) => row.right);
    for (let index = 0; index < Math.max(lefts.length, rights.length); index++) {
      const row: Row = {};
      if (index < lefts.length) row.left = lefts[index];
      if (index < rights.length) row.right = rights[index];
      zipped.push(row);
    }
    lone = [];
  };
  for (const row of rows) {
    if (row.left === undefined || row.right === undefined) lone.push(row);
    else {
      zipLone();
      zipped.push(row);
    }
  }
  zipLone();
  return zipped;
}

/** Dice coefficient of the character pairs of two lines: 1 for the same, 0 for nothing in common. */
function similarity(a: string, b: string): number {
  const pairs = (text: string) => {
    const trimmed = text.trim();
    return Array.from({ length: Math.max(0, trimmed.length - 1) }, (_, index) => trimmed.slice(index, index + 2));
  };
  const left = pairs(a);
  const right = pairs(b);
  if (left.length === 0 || right.length === 0) return a.trim() === b.trim() ? 1 : 0;
  const counts = new Map<string, number>();
  for (const pair of left) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of right) {
    const count = counts.get(pair) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(pair, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Renders the pairs in `width` columns. */
export function sideBySide(left: string, right: string, width: number, paint: Paint): string[] {
  const half = Math.max(20, Math.floor((width - 3) / 2));
  const cell = (text = '') => {
    const plain = text.replace(/\t/g, '  ');
    return plain.length > half ? `${plain.slice(0, half - 1)}…` : plain.padEnd(half);
  };
  const lines = (text: string) => text.replace(/\n$/, '').split('\n');
  return pairLines(lines(left), lines(right)).map(({ left: l, right: r }) => {
    if (l === r) return `${cell(l)}   ${cell(r)}`.trimEnd();
    if (r === undefined) return `${paint('red', cell(l))} <`;
    if (l === undefined) return `${' '.repeat(half)} > ${paint('green', cell(r))}`.trimEnd();
    return `${paint('red', cell(l))} | ${paint('green', cell(r))}`.trimEnd();
  });
}
