/**
 * `pnpm kata` / `pnpm kata status [--backend …]`: one real run of the learner's code, judged
 * as `pnpm test` judges it (the mock unless `--backend` says otherwise), a table of every
 * kata, the one next thing to do, and `.katas/progress.json` updated.
 * `--solution`: the same table for `solutions/`, on every backend that runs here.
 */
import { type BackendChoice, describeJudge } from '../backend-choice.js';
import { backendNames } from '../backend-names.js';
import { PROGRESS_FILE, readProgress, writeProgress } from '../progress/progress-file.js';
import { recordRun } from '../progress/record-progress.js';
import type { RunOutcomes } from '../reporters/spec-outcomes.js';
import { type KataInfo, listKatas } from '../workbook/find-kata.js';
import { kataOutline } from '../workbook/kata-outline.js';
import { type KataStatus, stepsPassed, summarizeKata } from '../workbook/kata-status.js';
import { nextThing } from './next-thing.js';
import { runSpecs } from './run-specs.js';
import { columns, painter, type Style } from './terminal.js';

type Paint = (style: Style, text: string) => string;

const stateStyle: Record<KataStatus['state'], [Style, string]> = {
  empty: ['dim', 'on its way (no steps yet)'],
  'not-started': ['dim', 'not started'],
  'in-progress': ['yellow', 'in progress'],
  done: ['green', 'done'],
  broken: ['red', 'broken: a file does not load'],
};

/** Runs the learner's katas on `backend`; prints the table and the next thing. Exit code 0. */
export async function learnerStatus(root: string, backend: BackendChoice): Promise<number> {
  const paint = painter();
  const katas = listKatas(root);
  console.log(paint('bold', describeJudge(backend === 'all' ? 'all' : [backend])));
  process.stderr.write('Running your code in katas/ against the specs…\n');
  const outcomes = await runSpecs({ root, katas, target: 'katas', backend });
  const judged = backendNames.filter((name) => outcomes.specs.some((spec) => spec.project === name));
  const statuses = katas.map((kata) => summarizeKata(kata, kataOutline(root, kata), outcomes));
  const rows = statuses.map((status) => {
    const [style, label] = stateStyle[status.state];
    const steps = status.state === 'empty' ? '—' : `${stepsPassed(status)}/${status.steps.length}`;
    return [status.kata.id.slice(0, 2), status.kata.name, steps, paint(style, label)];
  });
  const table = columns([['#', 'kata', 'steps', 'state'], ...rows]).map((line) => `  ${line}`);
  const on = judged.length === 1 && judged[0] === 'mock' ? 'the mock' : judged.join(', ') || 'no backend';
  console.log([paint('bold', `Your katas (your code in katas/, run just now on ${on})`), ...table, ''].join('\n'));
  console.log(nextThing(statuses, paint).join('\n'));
  const written = statuses.filter((status) => status.state !== 'empty');
  writeProgress(root, written.reduce(recordRun, readProgress(root)));
  console.log(paint('dim', `\nProgress saved in ${PROGRESS_FILE} (commit it to keep it on another machine).`));
  return 0;
}

/** Runs the reference solutions on every backend; exit code 1 unless every kata is green everywhere. */
export async function solutionStatus(root: string): Promise<number> {
  const paint = painter();
  const katas = listKatas(root);
  process.stderr.write('Running solutions/ against the specs, on every backend available here…\n');
  const outcomes = await runSpecs({ root, katas, target: 'solutions', backend: 'all' });
  const ran = backendNames.filter((backend) => outcomes.specs.some((spec) => spec.project === backend));
  const rows = katas.map((kata) => solutionRow(root, kata, outcomes, ran, paint));
  const header = ['#', 'kata', ...backendNames, 'state'];
  const table = columns([header, ...rows.map((row) => row.cells)]).map((line) => `  ${line}`);
  console.log([paint('bold', 'Reference solutions (solutions/, run just now)'), ...table, ''].join('\n'));
  const missing = backendNames.filter((backend) => !ran.includes(backend));
  if (missing.length > 0) console.log(`Did not run here: ${missing.join(', ')} (pnpm kata doctor says why).`);
  const allGreen = rows.every((row) => row.green);
  console.log(allGreen ? 'Every reference solution is green.' : 'Some reference solutions are not green (see above).');
  return allGreen ? 0 : 1;
}

function solutionRow(
  root: string,
  kata: KataInfo,
  outcomes: RunOutcomes,
  ran: readonly string[],
  paint: Paint,
): { cells: string[]; green: boolean } {
  const readme = kataOutline(root, kata);
  const perBackend = backendNames.map((backend) =>
    ran.includes(backend)
      ? summarizeKata(kata, readme, {
          specs: outcomes.specs.filter((spec) => spec.project === backend),
          broken: outcomes.broken.filter((file) => file.project === backend),
        })
      : undefined,
  );
  const statuses = perBackend.filter((status) => status !== undefined);
  if (statuses.every((status) => status.state === 'empty')) {
    return {
      cells: [kata.id.slice(0, 2), kata.name, ...backendNames.map(() => '—'), paint('dim', 'on its way')],
      green: true,
    };
  }
  const green = statuses.length > 0 && statuses.every((status) => status.state === 'done');
  const cells = perBackend.map((status) =>
    status ? `${stepsPassed(status)}/${status.steps.length}${status.state === 'broken' ? ' !' : ''}` : '—',
  );
  const state = green
    ? paint('green', `done on ${statuses.length === 1 ? 'the mock' : 'every backend'}`)
    : paint('red', 'not green');
  return { cells: [kata.id.slice(0, 2), kata.name, ...cells, state], green };
}
