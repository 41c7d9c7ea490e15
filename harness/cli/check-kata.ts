/** One real run of one kata, judged as `pnpm test` judges it by default, recorded in the progress file. */
import { LEARNER_DEFAULT_BACKEND } from '../backend-choice.js';
import { readProgress, writeProgress } from '../progress/progress-file.js';
import { recordRun } from '../progress/record-progress.js';
import type { KataInfo } from '../workbook/find-kata.js';
import { kataOutline } from '../workbook/kata-outline.js';
import { type KataStatus, summarizeKata } from '../workbook/kata-status.js';
import { runSpecs } from './run-specs.js';

/** Runs `kata`'s specs against the learner's code, and records the result. */
export async function checkKata(root: string, kata: KataInfo): Promise<KataStatus> {
  process.stderr.write(`Running kata ${kata.id} to find your current step…\n`);
  const outcomes = await runSpecs({ root, katas: [kata], target: 'katas', backend: LEARNER_DEFAULT_BACKEND });
  const status = summarizeKata(kata, kataOutline(root, kata), outcomes);
  writeProgress(root, recordRun(readProgress(root), status));
  return status;
}
