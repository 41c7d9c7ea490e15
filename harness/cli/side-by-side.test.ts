import { describe, expect, it } from 'vitest';
import { pairLines, sideBySide } from './side-by-side.js';

describe('pairLines', () => {
  it('pairs equal lines, changed lines that look alike, and lines only one side has', () => {
    expect(pairLines(['import x;', 'f(a) {', '  throw e;', '}'], ['f(b) {', '  return 0;', '}'])).toEqual([
      { left: 'import x;' },
      { left: 'f(a) {', right: 'f(b) {' },
      { left: '  throw e;', right: '  return 0;' },
      { left: '}', right: '}' },
    ]);
  });
});

describe('sideBySide', () => {
  it('marks the rows like diff -y, without colour', () => {
    const lines = sideBySide('a\nb\n', 'a\nc\nd\n', 47, (_style, text) => text);
    const half = 22;
    expect(lines).toEqual([`${'a'.padEnd(half)}   a`, `${'b'.padEnd(half)} | c`, `${''.padEnd(half)} > d`]);
  });
});
