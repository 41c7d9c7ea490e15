/**
 * A Vitest reporter for learners, added after the default one: under Vitest's own output
 * it says, per kata that ran, which step each failure belongs to, "not started yet" for
 * `NotImplementedError`, and the command for that step's hint; when a whole kata is
 * green, what was learned, how to compare with the reference, and the next kata. It also
 * records the steps in `.katas/progress.json`. Silent for `KATA_TARGET=solutions`.
 *
 *   reporters: ['default', './harness/reporters/kata-reporter.ts']
 */
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import { painter } from '../cli/terminal.js';
import { type KataInfo, listKatas } from '../katas/find-kata.js';
import { readKataReadme } from '../katas/kata-readme.js';
import { greenLines, progressLines } from '../katas/kata-report.js';
import { summarizeKata } from '../katas/kata-status.js';
import { hasSteps } from '../katas/spec-steps.js';
import { specTargetFromEnv } from '../katas-or-solutions.js';
import { readProgress, writeProgress } from '../progress/progress-file.js';
import { kataProgress, recordRun } from '../progress/record-progress.js';
import { collectOutcomes } from './spec-outcomes.js';

/** The first of `later` that has steps (a kata "on its way" is passed over). */
function nextKata(root: string, later: KataInfo[]): KataInfo | undefined {
  return later.find((kata) => hasSteps(root, kata));
}

export default class KataReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason): void {
    if (!this.vitest || reason === 'interrupted' || specTargetFromEnv() === 'solutions') return;
    const root = this.vitest.config.root;
    const outcomes = collectOutcomes(root, testModules);
    const ranKatas = new Set([...outcomes.specs, ...outcomes.broken].map((outcome) => outcome.kataId));
    if (ranKatas.size === 0) return;
    const katas = listKatas(root);
    const paint = painter();
    let progress = readProgress(root);
    const lines: string[] = [];
    for (const [index, kata] of katas.entries()) {
      if (!ranKatas.has(kata.id)) continue;
      const readme = readKataReadme(root, kata.id);
      const status = summarizeKata(kata, readme, outcomes);
      const wasDone = kataProgress(progress, kata.id).state === 'done';
      progress = recordRun(progress, status);
      const greenSoFar = kataProgress(progress, kata.id).stepsPassed.length;
      lines.push(
        '',
        ...(status.state === 'done'
          ? greenLines(status, readme.learned, nextKata(root, katas.slice(index + 1)), paint, !wasDone)
          : progressLines(status, paint, greenSoFar)),
      );
    }
    try {
      writeProgress(root, progress);
    } catch {
      // A read-only checkout still gets the report.
    }
    this.vitest.logger.log(lines.join('\n'));
  }
}
