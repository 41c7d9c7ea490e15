/** One real run of one kata on the mock, recorded in the progress file. */
import type { KataInfo } from '../katas/find-kata.js';
import { readKataReadme } from '../katas/kata-readme.js';
import { type KataStatus, summarizeKata } from '../katas/kata-status.js';
import { readProgress, writeProgress } from '../progress/progress-file.js';
import { recordRun } from '../progress/record-progress.js';
import { runSpecs } from './run-specs.js';

/** Runs `kata`'s specs against the learner's code on the mock, and records the result. */
export async function checkKata(root: string, kata: KataInfo): Promise<KataStatus> {
  process.stderr.write(`Running kata ${kata.id} on the mock to find your current step…\n`);
  const outcomes = await runSpecs({ root, katas: [kata], target: 'katas', projects: ['mock'] });
  const status = summarizeKata(kata, readKataReadme(root, kata.id), outcomes);
  writeProgress(root, recordRun(readProgress(root), status));
  return status;
}
