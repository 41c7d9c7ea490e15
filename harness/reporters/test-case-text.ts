/** Text helpers shared by the workbook's Vitest reporters. */
import type { TestCase, TestModule, TestSuite } from 'vitest/node';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape codes is the point.
const ANSI = /\u001b\[[0-9;]*m/g;

/** `text` without terminal colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The first line of `text`, without colour codes, trimmed (`''` for none). */
export function firstLine(text: string | undefined): string {
  return (
    stripAnsi(text ?? '')
      .split('\n')[0]
      ?.trim() ?? ''
  );
}

/** The titles of the `describe` blocks around `test`, outermost first. */
export function ancestorTitles(test: TestCase): string[] {
  const titles: string[] = [];
  for (let parent: TestSuite | TestModule = test.parent; parent.type === 'suite'; parent = parent.parent) {
    titles.unshift(parent.name);
  }
  return titles;
}
