/** The lines for a kata whose every step is green: what was learned and where to go next. */
import type { Style } from '../cli/terminal.js';
import type { KataInfo } from './find-kata.js';
import type { KataStatus } from './kata-status.js';
import { commands, readmeSection } from './learner-commands.js';

type Paint = (style: Style, text: string) => string;

/** Lines for a kata whose every step is green: the full summary the first time, one line after. */
export function greenLines(
  status: KataStatus,
  learned: string[],
  next: KataInfo | undefined,
  paint: Paint,
  firstTime: boolean,
): string[] {
  const { kata } = status;
  const nextLine = next
    ? `Next: kata ${next.id} → ${paint('cyan', commands.watch(next))} (read ${readmeSection(next)})`
    : 'No other kata has steps yet: this was the last one so far.';
  const headline = `${paint('green', '✓')} ${paint('bold', `kata ${kata.id} is green`)}: all ${status.steps.length} steps.`;
  if (!firstTime) return [`${headline} Compare: ${commands.diff(kata)} · ${nextLine}`];
  return [
    headline,
    ...(learned.length > 0 ? ['What you learned:', ...learned.map((item) => `  - ${item.replace(/\n/g, ' ')}`)] : []),
    `Compare with the reference solution: ${paint('cyan', commands.diff(kata))}`,
    `  and run the specs on it: ${commands.testSolution(kata)}`,
    nextLine,
  ];
}
