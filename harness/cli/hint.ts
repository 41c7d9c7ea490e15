/**
 * `pnpm kata hint <kata> [step]`: the next level of the hint ladder of the current step
 * (the first not green in the last run of the specs, or in a run made now when none is
 * recorded) or of the given one, read from the kata's HINTS.md. One level per
 * call; the last names the exact Redis commands. Shown levels are remembered in
 * `.katas/progress.json`, so the next call (on any machine) goes on from there.
 */
import { readProgress, writeProgress } from '../progress/progress-file.js';
import { kataProgress, recordHint } from '../progress/record-progress.js';
import { requireKata } from '../workbook/find-kata.js';
import { hintForDisplay, hintsPath, readKataHints } from '../workbook/kata-hints.js';
import { readKataReadme } from '../workbook/kata-readme.js';
import { currentStep } from '../workbook/kata-status.js';
import { commands, readmeSection } from '../workbook/learner-commands.js';
import { checkKata } from './check-kata.js';
import { painter } from './terminal.js';

/** Prints the next hint; exit code 1 when there is no such step or no hint for it. */
export async function hint(root: string, kataQuery: string | undefined, stepArgument: string | undefined) {
  const kata = requireKata(root, kataQuery);
  const paint = painter();
  const readme = readKataReadme(root, kata.id);
  const numbers = readme.steps.map((step) => step.number);
  if (numbers.length === 0) {
    console.error(`The README of kata ${kata.id} has no "## Step N — …" sections yet, so no hints.`);
    return 1;
  }
  let number = stepArgument === undefined ? undefined : Number(stepArgument);
  if (number === undefined) {
    // The last run of the specs (`pnpm test`, `pnpm kata`, `watch` all record it) says
    // where the learner is; with no run recorded yet, one run now.
    let recorded = kataProgress(readProgress(root), kata.id);
    if (recorded.stepsTotal === 0) {
      const status = await checkKata(root, kata);
      recorded = kataProgress(readProgress(root), kata.id);
      number = currentStep(status)?.number;
    }
    if (recorded.state === 'done') {
      console.log(`Kata ${kata.id} is green: no hint needed. For a given step: ${commands.hint(kata)} <step>.`);
      return 0;
    }
    number ??= numbers.find((each) => !recorded.stepsPassed.includes(each));
  }
  const step = readme.steps.find((each) => each.number === number);
  if (!step) {
    console.error(`Kata ${kata.id} has no step ${stepArgument}: its steps are ${numbers.join(', ')}.`);
    return 1;
  }
  const hints = readKataHints(root, kata.id).find((each) => each.number === step.number)?.hints ?? [];
  if (hints.length === 0) {
    console.error(
      `Step ${step.number} of kata ${kata.id} has no hints in ${hintsPath(kata.id)} yet: read ${readmeSection(kata, step.number)}.`,
    );
    return 1;
  }
  const progress = readProgress(root);
  const shown = kataProgress(progress, kata.id).hintsShown[String(step.number)] ?? 0;
  const level = Math.min(shown + 1, hints.length);
  writeProgress(root, recordHint(progress, kata.id, step.number, Math.max(level, shown)));
  const last = level === hints.length;
  console.log(
    [
      paint('bold', `Kata ${kata.id} · step ${step.number} · ${step.title}`),
      `Hint ${level} of ${hints.length}${last ? ' (the last: the exact Redis commands)' : ''}:`,
      '',
      ...hintForDisplay(hints[level - 1] ?? '')
        .split('\n')
        .map((line) => (line ? `  ${line}` : '')),
      '',
      last
        ? `That was the last hint. Still stuck? Compare with the reference: ${commands.diff(kata)}`
        : `Another one: ${paint('cyan', commands.hint(kata, step.number))} (one more level each time).`,
    ].join('\n'),
  );
  return 0;
}
