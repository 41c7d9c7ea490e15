/**
 * The learner's screen for one kata after a run: one line per step, and under the first
 * step that is not green, its failures, each once, with the assertion and the spec's line.
 * A spec file that does not load names the steps it holds. Sized for one screen: at most
 * `MAX_FAILURES` failures and `MAX_NOT_STARTED` "not started yet" groups are shown.
 */
import type { Style } from '../cli/terminal.js';
import { failureBlockLines } from '../reporters/failure-block.js';
import type { FailureDetail } from '../reporters/failure-detail.js';
import type { SpecOutcome } from '../reporters/spec-outcomes.js';
import { tallyStep, type UniqueFailure } from './failure-groups.js';
import type { KataStatus, StepStatus } from './kata-status.js';
import { commands, readmeSection } from './learner-commands.js';
import { parseStepTitle } from './step-title.js';

type Paint = (style: Style, text: string) => string;

export interface ScreenOptions {
  root: string;
  paint: Paint;
  /** The backends that judged the run (Vitest project names). */
  backends: readonly string[];
  /** Show the focused step's failures (off when Vitest's own reporter already printed them). */
  failures: boolean;
  /** Steps to read a spec file that did not load as (from `describe('step N · …')`). */
  stepsOfFile: (file: string) => number[];
}

const MAX_FAILURES = 4;
const MAX_NOT_STARTED = 8;

/** The step to work on: the first that ran and is not green. */
export function focusStep(status: KataStatus): StepStatus | undefined {
  return status.steps.find((step) => step.state === 'failing' || step.state === 'not-started');
}

/** Lines for a kata that is not (entirely) green. */
export function kataScreen(status: KataStatus, specs: readonly SpecOutcome[], options: ScreenOptions): string[] {
  const { kata } = status;
  const { paint } = options;
  const unloadable = new Set(status.broken.flatMap((file) => options.stepsOfFile(file.file)));
  const firstUnloadable = [...unloadable].sort((a, b) => a - b)[0];
  const candidate = focusStep(status);
  // A step that cannot load comes first: the steps after it wait until it loads.
  const focus =
    firstUnloadable !== undefined && (!candidate || firstUnloadable <= candidate.number) ? undefined : candidate;
  const headline =
    focus === undefined && firstUnloadable !== undefined
      ? `kata ${kata.id} · step ${firstUnloadable} could not load`
      : focus
        ? `kata ${kata.id} · now: step ${focus.number} of ${status.steps.length} · ${focus.title}`
        : `kata ${kata.id}`;
  const lines = [paint('bold', headline), ...brokenLines(status, options)];
  for (const step of status.steps) {
    const specsOfStep = specs.filter((spec) => parseStepTitle(spec.titles[0] ?? '')?.number === step.number);
    const tally = tallyStep(specsOfStep);
    const label = `step ${step.number} · ${step.title}`;
    if (unloadable.has(step.number)) lines.push(`  ${paint('red', '!')} ${label}: could not load (above)`);
    else if (step.state === 'passed') lines.push(`  ${paint('green', '✓')} ${label}`);
    else if (step.state === 'not-run') lines.push(`  ${paint('dim', '·')} ${label}: not run this time`);
    else if (step !== focus) lines.push(`  ${paint('dim', '○')} ${paint('dim', `${label}: ${stepCount(tally)}`)}`);
    else {
      lines.push(`  ${paint('cyan', '▶')} ${paint('bold', label)}: ${stepCount(tally)}`);
      lines.push(
        `      read ${readmeSection(kata, step.number)} · stuck? ${paint('cyan', commands.hint(kata, step.number))}`,
      );
      if (options.failures) lines.push(...focusFailures(tally, options));
    }
  }
  return lines;
}

/** `1 test`, `13 tests` */
function tests(count: number): string {
  return count === 1 ? '1 test' : `${count} tests`;
}

function stepCount(tally: ReturnType<typeof tallyStep>): string {
  const notStarted = tally.notStarted.reduce((sum, group) => sum + group.tests.length, 0);
  const failing = tally.tests - tally.passed - notStarted;
  if (tally.passed === 0 && failing === 0) return `not started yet (${tests(tally.tests)})`;
  const parts = [`${tally.passed} of ${tests(tally.tests)} green`];
  if (failing > 0) parts.push(`${failing} failing`);
  if (notStarted > 0) parts.push(`${notStarted} not started yet`);
  return parts.join(', ');
}

/** Spec files that did not load, grouped by their error (one syntax error breaks every spec importing the file). */
function brokenLines(status: KataStatus, options: ScreenOptions): string[] {
  const byMessage = new Map<string, string[]>();
  for (const file of status.broken) byMessage.set(file.message, [...(byMessage.get(file.message) ?? []), file.file]);
  const lines: string[] = [];
  for (const [message, files] of byMessage) {
    const steps = [...new Set(files.flatMap(options.stepsOfFile))].sort((a, b) => a - b);
    const which = steps.length === 0 ? files.join(', ') : `step${steps.length > 1 ? 's' : ''} ${steps.join(', ')}`;
    lines.push(
      `  ${options.paint('red', '!')} ${which} could not load: ${files.map((file) => file.replace(/^katas\/[^/]+\//, '')).join(', ')} failed to import:`,
      ...message.split('\n').map((line) => `      ${line}`),
      `      Fix the line it points at, or put the starter files back: ${commands.reset(status.kata)}`,
    );
  }
  return lines;
}

function focusFailures(tally: ReturnType<typeof tallyStep>, options: ScreenOptions): string[] {
  const lines: string[] = [];
  for (const failure of tally.failing.slice(0, MAX_FAILURES)) lines.push('', ...failureLines(failure, options));
  const hidden = tally.failing.length - MAX_FAILURES;
  if (hidden > 0) lines.push('', `    … and ${hidden} more failure(s) in this step: add --verbose to see every one`);
  if (tally.notStarted.length > 0) {
    lines.push('', '    Not started yet (the starter still throws NotImplementedError):');
    for (const group of tally.notStarted.slice(0, MAX_NOT_STARTED)) {
      const count = tests(group.tests.length);
      lines.push(`      ${group.what} · ${count}`);
    }
    const more = tally.notStarted.length - MAX_NOT_STARTED;
    if (more > 0) lines.push(`      … and ${more} more`);
  }
  return lines;
}

function failureLines({ spec, projects }: UniqueFailure, options: ScreenOptions): string[] {
  const everywhere = options.backends.length <= 1 || options.backends.every((backend) => projects.includes(backend));
  const title = `${spec.file.replace(/^katas\/[^/]+\//, '')} › ${spec.titles.slice(1).join(' › ')}`;
  const detail: FailureDetail = spec.failure ?? { message: spec.error ?? 'failed' };
  return failureBlockLines(options.root, { title, detail, ...(everywhere ? {} : { onlyOn: projects }) }, options.paint);
}
