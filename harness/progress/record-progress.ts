/** Pure updates of the progress file's content: after a run, after a hint, after a reset. */
import type { KataStatus } from '../workbook/kata-status.js';
import type { KataProgress, Progress } from './progress-file.js';

/** The progress of `kataId`, or a fresh one. */
export function kataProgress(progress: Progress, kataId: string): KataProgress {
  return progress.katas[kataId] ?? { state: 'not-started', stepsPassed: [], stepsTotal: 0, hintsShown: {} };
}

/**
 * Merges a run into the progress. Steps that did not run (filtered out by `-t`, or in a
 * spec file that did not load) keep what the last run that ran them said; a kata becomes
 * `done` only from a run in which all its steps ran green.
 */
export function recordRun(progress: Progress, status: KataStatus): Progress {
  const previous = kataProgress(progress, status.kata.id);
  const passed = new Set(previous.stepsPassed);
  for (const step of status.steps) {
    if (step.state === 'passed') passed.add(step.number);
    else if (step.state !== 'not-run') passed.delete(step.number);
  }
  const stepsTotal = status.steps.length || previous.stepsTotal;
  const allPassed = stepsTotal > 0 && status.steps.every((step) => passed.has(step.number));
  let state: KataProgress['state'] = passed.size > 0 || status.state === 'in-progress' ? 'in-progress' : 'not-started';
  if (status.state === 'done' || (previous.state === 'done' && allPassed)) state = 'done';
  const kata: KataProgress = { ...previous, state, stepsPassed: [...passed], stepsTotal };
  return { ...progress, katas: { ...progress.katas, [status.kata.id]: kata } };
}

/** Remembers that `level` hints of `step` were shown. */
export function recordHint(progress: Progress, kataId: string, step: number, level: number): Progress {
  const previous = kataProgress(progress, kataId);
  const hintsShown = { ...previous.hintsShown, [String(step)]: level };
  return { ...progress, katas: { ...progress.katas, [kataId]: { ...previous, hintsShown } } };
}

/** Forgets a kata entirely (after `kata reset`). */
export function forgetKata(progress: Progress, kataId: string): Progress {
  const katas = { ...progress.katas };
  delete katas[kataId];
  return { ...progress, katas };
}
