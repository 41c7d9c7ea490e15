/**
 * The reporter behind `pnpm kata watch <kata>`: keeps Vitest's watch mode focused on one
 * step (`-t` by another name: the global test-name pattern), and when that step turns
 * green moves the focus on to the next step and re-runs, by itself. After the last step
 * it runs the whole kata once, so the kata reporter can say it is done.
 *
 * Reads `KATA_WATCH_KATA` (`01-simple-cache`) and `KATA_WATCH_STEP` (the first focus).
 */
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import { painter } from '../cli/terminal.js';
import { listKatas } from '../katas/find-kata.js';
import { commands } from '../katas/kata-commands.js';
import { readKataReadme } from '../katas/kata-readme.js';
import { type KataStatus, summarizeKata } from '../katas/kata-status.js';
import { stepNamePattern } from '../katas/step-title.js';
import { collectOutcomes } from './spec-outcomes.js';

export default class FocusReporter implements Reporter {
  private vitest: Vitest | undefined;
  /** The focused step, or `'all'` once every step was green. */
  private focus: number | 'all' = Number(process.env.KATA_WATCH_STEP ?? 1);
  private readonly greenSoFar: number[] = [];

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    if (typeof this.focus === 'number') vitest.setGlobalTestNamePattern(stepNamePattern(this.focus));
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason): void {
    const vitest = this.vitest;
    const kata = listKatas(vitest?.config.root ?? '.').find((each) => each.id === process.env.KATA_WATCH_KATA);
    if (!vitest || !kata || reason === 'interrupted' || this.focus === 'all') return;
    const outcomes = collectOutcomes(vitest.config.root, testModules);
    const status = summarizeKata(kata, readKataReadme(vitest.config.root, kata.id), outcomes);
    const focused = status.steps.find((step) => step.number === this.focus);
    const done = focused?.state === 'passed' || (focused?.state === 'not-run' && status.broken.length === 0);
    if (!focused || !done) {
      vitest.logger.log(this.focusLines(status).join('\n'));
      return;
    }
    if (focused.state === 'passed') this.greenSoFar.push(focused.number);
    const next = status.steps.find((step) => step.number > focused.number);
    this.focus = next ? next.number : 'all';
    const paint = painter();
    vitest.logger.log(
      next
        ? `\n${paint('green', '✓')} step ${focused.number} is green: moving on to step ${next.number} · ${next.title}`
        : `\n${paint('green', '✓')} step ${focused.number} is green, the last one: running the whole kata`,
    );
    // The run is not over until this hook returns: re-run right after it.
    setTimeout(() => void this.rerun(testModules), 0);
  }

  private focusLines(status: KataStatus): string[] {
    const paint = painter();
    const step = status.steps.find((each) => each.number === this.focus);
    const total = status.steps.length;
    const green = this.greenSoFar.length > 0 ? ` (green so far: step ${this.greenSoFar.join(', ')})` : '';
    return [
      '',
      `${paint('cyan', '▶')} ${paint('bold', `Focus: step ${this.focus} of ${total}${step?.title ? ` · ${step.title}` : ''}`)}${green}`,
      '  Save a file to re-run; the focus moves on by itself when this step is green.',
      `  Stuck? ${commands.hint(status.kata, Number(this.focus))} · every step at once: ${commands.watch(status.kata)} --all`,
    ];
  }

  private async rerun(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const vitest = this.vitest;
    if (!vitest) return;
    vitest.setGlobalTestNamePattern(typeof this.focus === 'number' ? stepNamePattern(this.focus) : /(?:)/);
    await vitest.rerunTestSpecifications(testModules.map((module) => module.toTestSpecification()));
  }
}
