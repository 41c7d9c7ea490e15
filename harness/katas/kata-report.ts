/**
 * The few lines printed under Vitest's own output, at the moment of failure: per step,
 * green / failing (with its first error and its hint command) / not started yet; a spec
 * file that does not load; and, when a whole kata is green, what was learned and where
 * to go next.
 */
import type { Style } from '../cli/terminal.js';
import type { KataInfo } from './find-kata.js';
import { commands, readmeSection } from './kata-commands.js';
import { type KataStatus, type StepStatus, stepsPassed } from './kata-status.js';

type Paint = (style: Style, text: string) => string;

/**
 * Lines for a kata that is not (entirely) green in this run. `green` counts the steps
 * green so far, this run and earlier ones (a run focused on one step shows only that one).
 */
export function progressLines(status: KataStatus, paint: Paint, green = stepsPassed(status)): string[] {
  const { kata } = status;
  const ran = status.steps.filter((step) => step.state !== 'not-run');
  const lines = [paint('bold', `kata ${kata.id} · ${green} of ${status.steps.length} steps green`)];
  for (const file of status.broken) {
    const message = file.message.split('\n').join('\n      ');
    lines.push(`  ${paint('red', '!')} ${file.file} did not load:`, `      ${message}`);
    lines.push(`      Fix the line it points at, or put the starter files back: ${commands.reset(kata)}`);
  }
  let pointedAtReadme = false;
  for (const group of groupSteps(ran)) {
    const first = group[0] as StepStatus;
    const label = group.length === 1 ? `step ${first.number} · ${first.title}` : stepRange(group);
    if (first.state === 'passed') lines.push(`  ${paint('green', '✓')} ${label}`);
    else if (first.state === 'failing' && first.passed + first.notStarted === first.ran) {
      const todo = `${first.passed} of ${first.ran} tests green, the other ${first.notStarted} not started yet`;
      lines.push(`  ${paint('yellow', '◐')} ${label}: ${todo}`);
      lines.push(`      next: ${readmeSection(kata, first.number)} · hint: ${commands.hint(kata, first.number)}`);
    } else if (first.state === 'failing') {
      const failing = first.ran - first.passed - first.notStarted;
      lines.push(`  ${paint('red', '✗')} ${label}: ${failing} of ${first.ran} tests failing`);
      if (first.firstError) lines.push(`      ${paint('dim', first.firstError)}`);
      lines.push(`      stuck? ${paint('cyan', commands.hint(kata, first.number))}`);
    } else {
      lines.push(`  ${paint('yellow', '○')} ${label}: not started yet`);
      if (!pointedAtReadme) {
        lines.push(`      read ${readmeSection(kata, first.number)} · hint: ${commands.hint(kata, first.number)}`);
        pointedAtReadme = true;
      }
    }
  }
  if (ran.length > 1) lines.push(`  One step at a time, re-run on save: ${paint('cyan', commands.watch(kata))}`);
  return lines;
}

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

/** Consecutive steps with the same state share a line, except failing ones and the first not started. */
function groupSteps(steps: StepStatus[]): StepStatus[][] {
  const groups: StepStatus[][] = [];
  let firstNotStarted: StepStatus[] | undefined;
  for (const step of steps) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    const joinable = step.state === 'passed' || (step.state === 'not-started' && last !== firstNotStarted);
    if (last && previous && joinable && previous.state === step.state && previous.number === step.number - 1)
      last.push(step);
    else {
      groups.push([step]);
      if (step.state === 'not-started') firstNotStarted ??= groups[groups.length - 1];
    }
  }
  return groups;
}

function stepRange(group: StepStatus[]): string {
  return `steps ${group[0]?.number}–${group[group.length - 1]?.number}`;
}
