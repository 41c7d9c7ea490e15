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
import { listKatas } from '../workbook/find-kata.js';
import { readKataReadme } from '../workbook/kata-readme.js';
import { summarizeKata } from '../workbook/kata-status.js';
import { stepNamePattern } from '../workbook/step-title.js';
import { collectOutcomes } from './spec-outcomes.js';

export default class FocusReporter implements Reporter {
  private vitest: Vitest | undefined;
  /** The focused step, or `'all'` once every step was green. */
  private focus: number | 'all' = Number(process.env.KATA_WATCH_STEP ?? 1);

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    if (typeof this.focus === 'number') vitest.setGlobalTestNamePattern(stepNamePattern(this.focus));
    const what = typeof this.focus === 'number' ? `focused on step ${this.focus}` : 'every step';
    vitest.logger.log(`Watching kata ${process.env.KATA_WATCH_KATA}, ${what}: save a file to re-run. q quits.`);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason): void {
    const vitest = this.vitest;
    const kata = listKatas(vitest?.config.root ?? '.').find((each) => each.id === process.env.KATA_WATCH_KATA);
    if (!vitest || !kata || reason === 'interrupted' || this.focus === 'all') return;
    const outcomes = collectOutcomes(vitest.config.root, testModules);
    const status = summarizeKata(kata, readKataReadme(vitest.config.root, kata.id), outcomes);
    const focused = status.steps.find((step) => step.number === this.focus);
    const done = focused?.state === 'passed' || (focused?.state === 'not-run' && status.broken.length === 0);
    if (!focused || !done) return;
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

  private async rerun(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const vitest = this.vitest;
    if (!vitest) return;
    vitest.setGlobalTestNamePattern(typeof this.focus === 'number' ? stepNamePattern(this.focus) : /(?:)/);
    await vitest.rerunTestSpecifications(testModules.map((module) => module.toTestSpecification()));
  }
}
