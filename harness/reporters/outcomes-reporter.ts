/**
 * The reporter the `kata` CLI runs Vitest with: writes the run's kata outcomes
 * (`RunOutcomes`, with the project of every test) as JSON to `$KATA_OUTCOMES_FILE`.
 * Vitest's JSON reporter leaves the project out, and `status --solution` needs it.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { collectOutcomes } from './spec-outcomes.js';

export default class OutcomesReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const file = process.env.KATA_OUTCOMES_FILE;
    if (file) writeFileSync(file, JSON.stringify(collectOutcomes(this.root, testModules)));
  }
}
