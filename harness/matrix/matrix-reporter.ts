/**
 * A Vitest reporter that writes every test of the run, with its project, state, skip
 * note, Redis command counts and timing, as `MatrixResults` JSON: what `pnpm matrix`
 * builds the adapter matrix from. Add it beside the run's other reporters:
 *
 *   vitest run --reporter=default --reporter=./harness/matrix/matrix-reporter.ts \
 *     --outputFile.matrix=reports/matrix-results.json
 *
 * The file is `--outputFile.matrix`, else `$KATA_MATRIX_RESULTS`, else
 * `reports/matrix-results.json` (relative to the workbook).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { TestCase, TestModule, Vitest } from 'vitest/node';
import { ancestorTitles, firstLine } from '../reporters/test-case-text.js';
import type { MatrixBrokenFile, MatrixCase, MatrixResults } from './results.js';

export default class MatrixReporter {
  private root = process.cwd();
  private outputFile = 'reports/matrix-results.json';
  private projects: string[] = [];
  private started = Date.now();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
    this.projects = vitest.projects.map((project) => project.name);
    const configured = vitest.config.outputFile;
    const fromConfig = typeof configured === 'object' ? configured.matrix : undefined;
    this.outputFile = resolve(this.root, fromConfig ?? process.env.KATA_MATRIX_RESULTS ?? this.outputFile);
  }

  onTestRunStart(): void {
    this.started = Date.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const results = collectResults(this.root, testModules, {
      projects: this.projects,
      started: this.started,
      ended: Date.now(),
    });
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, `${JSON.stringify(results)}\n`);
  }
}

export function collectResults(
  root: string,
  testModules: ReadonlyArray<TestModule>,
  run: { projects: string[]; started: number; ended: number },
): MatrixResults {
  const cases: MatrixCase[] = [];
  const broken: MatrixBrokenFile[] = [];
  for (const module of testModules) {
    const file = relative(root, module.moduleId).split(sep).join('/');
    const project = module.project.name;
    const moduleErrors = module.errors();
    if (moduleErrors.length > 0 && module.children.size === 0) {
      broken.push({ project, file, message: firstLine(moduleErrors[0]?.message) });
      continue;
    }
    for (const test of module.children.allTests()) cases.push(describeCase(project, file, test));
  }
  return {
    kind: 'redis-katas/matrix-results',
    version: 1,
    startedAt: new Date(run.started).toISOString(),
    wallMs: run.ended - run.started,
    projects: run.projects,
    cases,
    broken,
  };
}

function describeCase(project: string, file: string, test: TestCase): MatrixCase {
  const result = test.result();
  const diagnostic = test.diagnostic();
  const meta = test.meta();
  const entry: MatrixCase = { project, file, titles: [...ancestorTitles(test), test.name], state: result.state };
  if (result.state === 'skipped') {
    const note = result.note ?? (test.options.mode === 'todo' ? 'todo' : undefined);
    if (note) entry.note = note;
  }
  if (result.state === 'failed') {
    const error = result.errors[0];
    entry.error = firstLine(
      error ? `${error.name && !error.message.startsWith(error.name) ? `${error.name}: ` : ''}${error.message}` : '',
    );
  }
  if (diagnostic) {
    entry.startTime = diagnostic.startTime;
    entry.durationMs = diagnostic.duration;
  }
  if (typeof meta.redisCommands === 'number') entry.redisCommands = meta.redisCommands;
  if (typeof meta.redisRoundTrips === 'number') entry.redisRoundTrips = meta.redisRoundTrips;
  return entry;
}
