/**
 * Where a learner is in a kata, from one real run of its specs: a step is green when every
 * one of its tests that ran passed (on every project that ran), "not started" when it
 * fails only with `NotImplementedError`, and the kata is done when every step is green.
 */
import type { BrokenSpecFile, RunOutcomes, SpecOutcome } from '../reporters/spec-outcomes.js';
import type { KataInfo } from './find-kata.js';
import type { KataReadme } from './kata-readme.js';
import { parseStepTitle } from './step-title.js';

/** `not-run`: none of the step's tests ran (filtered out, or its spec file did not load). */
export type StepState = 'passed' | 'failing' | 'not-started' | 'not-run';

/** `broken`: a spec file of the kata did not load; `empty`: no steps yet (a kata on its way). */
export type KataState = 'empty' | 'not-started' | 'in-progress' | 'done' | 'broken';

/** One step, as the run left it. */
export interface StepStatus {
  number: number;
  title: string;
  state: StepState;
  /** Tests that passed, that ran, and that failed with `NotImplementedError`, counted once per project. */
  passed: number;
  ran: number;
  notStarted: number;
  /** The first error of the first failing test that is not a `NotImplementedError`. */
  firstError?: string;
}

/** One kata, as the run left it. */
export interface KataStatus {
  kata: KataInfo;
  /** Every step named by the specs or the README, in order. */
  steps: StepStatus[];
  /** Spec files that did not load (once per file, whatever the projects). */
  broken: BrokenSpecFile[];
  state: KataState;
}

/** Summarises the outcomes of `kata` (outcomes of other katas are ignored). */
export function summarizeKata(kata: KataInfo, readme: KataReadme, outcomes: RunOutcomes): KataStatus {
  const specs = outcomes.specs.filter((spec) => spec.kataId === kata.id);
  const broken = outcomes.broken.filter(
    (file, index, all) => file.kataId === kata.id && all.findIndex((other) => other.file === file.file) === index,
  );
  const byStep = new Map<number, { title: string; specs: SpecOutcome[] }>();
  for (const step of readme.steps) byStep.set(step.number, { title: step.title, specs: [] });
  for (const spec of specs) {
    const step = parseStepTitle(spec.titles[0] ?? '');
    if (!step || spec.titles.length < 2) continue;
    const entry = byStep.get(step.number) ?? { title: step.title, specs: [] };
    if (step.title) entry.title = step.title;
    entry.specs.push(spec);
    byStep.set(step.number, entry);
  }
  const steps = [...byStep.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, { title, specs: stepSpecs }]) => summarizeStep(number, title, stepSpecs));
  return { kata, steps, broken, state: kataState(steps, broken) };
}

function summarizeStep(number: number, title: string, specs: SpecOutcome[]): StepStatus {
  const ran = specs.filter((spec) => spec.state === 'passed' || spec.state === 'failed');
  const passed = ran.filter((spec) => spec.state === 'passed').length;
  const failures = ran.filter((spec) => spec.state === 'failed');
  const firstError = failures.find((spec) => !spec.notImplemented)?.error;
  let state: StepState = 'failing';
  if (ran.length === 0) state = 'not-run';
  else if (passed === ran.length) state = 'passed';
  else if (passed === 0 && failures.every((spec) => spec.notImplemented)) state = 'not-started';
  const notStarted = failures.filter((spec) => spec.notImplemented).length;
  return { number, title, state, passed, ran: ran.length, notStarted, ...(firstError ? { firstError } : {}) };
}

function kataState(steps: StepStatus[], broken: BrokenSpecFile[]): KataState {
  if (broken.length > 0) return 'broken';
  if (steps.length === 0) return 'empty';
  if (steps.length > 0 && steps.every((step) => step.state === 'passed')) return 'done';
  const untouched = steps.every((step) => step.state === 'not-started' || step.state === 'not-run');
  return untouched ? 'not-started' : 'in-progress';
}

/** The first step that is not green, or `undefined` when the kata is done. */
export function currentStep(status: KataStatus): StepStatus | undefined {
  return status.steps.find((step) => step.state !== 'passed');
}

/** How many steps are green. */
export function stepsPassed(status: KataStatus): number {
  return status.steps.filter((step) => step.state === 'passed').length;
}
