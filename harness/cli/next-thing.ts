/** The one next thing to do, from the status of every kata. */

import { currentStep, type KataStatus } from '../workbook/kata-status.js';
import { commands, readmeSection } from '../workbook/learner-commands.js';
import type { Style } from './terminal.js';

type Paint = (style: Style, text: string) => string;

/**
 * A broken kata first (nothing else runs until it loads), then the first kata in
 * progress, then the first not started; its first step that is not green.
 */
export function nextThing(statuses: KataStatus[], paint: Paint): string[] {
  const broken = statuses.find((status) => status.state === 'broken');
  if (broken) {
    const [file] = broken.broken;
    return [
      `Next: make ${file?.file ?? `kata ${broken.kata.id}`} load again:`,
      ...(file?.message.split('\n').map((line) => `    ${line}`) ?? []),
      `  Fix the line it points at, or put the starter files back: ${paint('cyan', commands.reset(broken.kata))}`,
    ];
  }
  const open =
    statuses.find((status) => status.state === 'in-progress') ??
    statuses.find((status) => status.state === 'not-started');
  if (!open) {
    if (statuses.every((status) => status.state === 'empty')) return ['No kata has steps yet.'];
    const soFar = statuses.some((status) => status.state === 'empty') ? ' written so far' : '';
    return [`Every kata${soFar} is green. Compare yours with the reference: pnpm kata diff <kata>.`];
  }
  const { kata } = open;
  const step = currentStep(open);
  if (!step) return [`Next: kata ${kata.id}: read ${readmeSection(kata)}.`];
  const what = step.state === 'failing' ? `make step ${step.number} green` : `step ${step.number}`;
  return [
    `Next: kata ${kata.id}, ${what} · ${step.title}`,
    ...(step.state === 'failing' && step.firstError ? [`  failing: ${step.firstError}`] : []),
    `  read ${readmeSection(kata, step.number)}`,
    `  then ${paint('cyan', commands.watch(kata))}   (stuck? ${commands.hint(kata)})`,
  ];
}
