/**
 * `pnpm matrix`: the mock, ioredis and node-redis on one server, and both clients on Redis
 * Cluster, compared on the same specs.
 *
 *   pnpm matrix                    runs every spec (katas and conformance) against the
 *                                  solutions on every backend, once, then builds the matrix
 *   pnpm matrix --from <results>   builds it from a run that already happened: the file the
 *                                  matrix reporter wrote (`pnpm verify` writes
 *                                  reports/verify-matrix-results.json)
 *   --out <dir>                    where the matrix goes (default `reports`)
 *   --no-summary                   do not append to $GITHUB_STEP_SUMMARY
 *
 * Writes `<out>/adapter-matrix.json` and `<out>/adapter-matrix.md`, prints the Markdown,
 * appends it to the GitHub job summary when there is one, and exits 1 when the parity
 * gate finds a problem (`build-matrix.ts` says which), 2 when it cannot build the matrix.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clusterCapabilities } from '../../adapters/cluster/cluster-capabilities.js';
import { mockCapabilities } from '../../adapters/mock/capabilities.js';
import { mockDeviations } from '../../adapters/mock/deviations.js';
import { NO_CLUSTER_HINT } from '../redis-source/select-redis-cluster-source.js';
import { NO_REDIS_HINT } from '../redis-source/select-redis-source.js';
import { buildMatrix } from './build-matrix.js';
import type { MockDeclarations } from './declared-gaps.js';
import { renderMarkdown } from './render-markdown.js';
import { readMatrixResults } from './results.js';

const REPORTER = './harness/matrix/matrix-reporter.ts';

function runSpecs(resultsFile: string): void {
  rmSync(resultsFile, { force: true });
  console.log('── adapter matrix · every spec against the solutions, on every backend ──');
  // `.spec.ts` filters the run to specs: unit tests (`*.test.ts`) are not compared.
  const args = ['run', '.spec.ts', '--reporter=dot', `--reporter=${REPORTER}`, `--outputFile.matrix=${resultsFile}`];
  const result = spawnSync('vitest', args, {
    stdio: 'inherit',
    env: { ...process.env, KATA_TARGET: 'solutions' },
  });
  if (result.error) throw new Error(`could not run vitest: ${result.error.message}`);
  // Vitest's exit code is not the verdict: failing specs are what the matrix shows.
}

function main(): number {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      out: { type: 'string', default: 'reports' },
      'no-summary': { type: 'boolean', default: false },
    },
  });
  const out = values.out ?? 'reports';
  mkdirSync(out, { recursive: true });
  const resultsFile = values.from ?? join(out, 'matrix-results.json');
  if (!values.from) runSpecs(resultsFile);

  const mock: MockDeclarations = {
    capabilities: { ...mockCapabilities } as Record<string, boolean>,
    deviations: mockDeviations,
  };
  const cluster: MockDeclarations = { capabilities: { ...clusterCapabilities }, deviations: [] };
  const matrix = buildMatrix(readMatrixResults(resultsFile), {
    mock,
    cluster,
    requireAllBackends: Boolean(process.env.CI),
    missingBackendHint: NO_REDIS_HINT,
    missingClusterHint: NO_CLUSTER_HINT,
  });
  const markdown = renderMarkdown(matrix, {
    mock,
    source: values.from ?? 'pnpm matrix',
    nodeVersion: process.version,
  });
  writeFileSync(join(out, 'adapter-matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`);
  writeFileSync(join(out, 'adapter-matrix.md'), markdown);

  console.log(`\n${markdown}`);
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary && !values['no-summary']) appendFileSync(summary, `${markdown}\n`);
  console.log(`adapter matrix: ${join(out, 'adapter-matrix.md')}, ${join(out, 'adapter-matrix.json')}`);
  if (matrix.problems.length > 0) {
    console.log(`✗ parity gate: ${matrix.problems.length} problem(s)`);
    for (const problem of matrix.problems) {
      console.log(`  ✗ ${problem.backend}${problem.spec ? ` · ${problem.spec}` : ''}: ${problem.message}`);
    }
    return 1;
  }
  console.log('✓ parity gate: every backend agrees, or the backend that skips declares why');
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`✗ adapter matrix: ${(error as Error).message}`);
  process.exitCode = 2;
}
