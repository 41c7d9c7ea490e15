/**
 * The learner's one screen, the reporter of `pnpm test` and `pnpm kata watch`: first the
 * judge (which backends, and how to choose others), then type errors in the katas of the
 * run, then per kata one line per step and the first step that is not green in detail
 * (its failures each once, with the assertion and the spec's line), other tests' failures,
 * and the totals per backend. Records the steps in `.katas/progress.json`.
 *
 * Option `failures: false` leaves the failures out, for runs where Vitest's own reporter
 * prints them (`--verbose`, a bare `vitest`). Silent about katas for `KATA_TARGET=solutions`.
 */
import type { Reporter, TestModule, TestRunEndReason, TestSpecification, Vitest } from 'vitest/node';
import { backendChoiceFromEnv, describeJudge } from '../backend-choice.js';
import { type BackendName, isBackendName, isClusterBackend } from '../backend-names.js';
import { painter } from '../cli/terminal.js';
import { specTargetFromEnv } from '../katas-or-solutions.js';
import { readProgress, writeProgress } from '../progress/progress-file.js';
import { kataProgress, recordRun } from '../progress/record-progress.js';
import { describeRedisClusterSource, type RedisClusterSource } from '../redis-source/select-redis-cluster-source.js';
import { describeRedisSource, type RedisSource } from '../redis-source/select-redis-source.js';
import { type KataInfo, listKatas } from '../workbook/find-kata.js';
import { kataOutline } from '../workbook/kata-outline.js';
import { greenLines } from '../workbook/kata-report.js';
import { kataScreen } from '../workbook/kata-screen.js';
import { summarizeKata } from '../workbook/kata-status.js';
import { fileStepNumbers, hasSteps } from '../workbook/spec-steps.js';
import { kataIdOf } from './kata-spec-file.js';
import { type KataTypeError, typecheckForRun } from './kata-typecheck.mjs';
import { otherFailureLines, totalsLine } from './run-totals.js';
import { collectOutcomes } from './spec-outcomes.js';
import { typeErrorLines } from './type-error-lines.js';

export interface LearnerReporterOptions {
  /** Show failures (default); off when Vitest's own reporter prints them. */
  failures?: boolean;
}

/** The first of `later` that has steps (a kata "on its way" is passed over). */
function nextKata(root: string, later: KataInfo[]): KataInfo | undefined {
  return later.find((kata) => hasSteps(root, kata));
}

export default class LearnerReporter implements Reporter {
  private vitest: Vitest | undefined;
  private typecheck: Promise<KataTypeError[]> = Promise.resolve([]);
  private readonly failures: boolean;

  constructor(options: LearnerReporterOptions = {}) {
    this.failures = options.failures ?? true;
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    const backends = this.backends();
    const target = specTargetFromEnv() === 'solutions' ? 'Specs run against solutions/. ' : '';
    const lines = [`${target}${describeJudge(backends)}`];
    const source = process.env.KATA_REDIS_SOURCE;
    const redis = source ? (JSON.parse(source) as RedisSource) : undefined;
    // Real backends ran: where their Redis is; they were asked for and could not: how to add them.
    const choice = backendChoiceFromEnv();
    const asked = choice === 'all' || choice === 'ioredis' || choice === 'node-redis';
    const serverRan = backends.some((backend) => backend === 'ioredis' || backend === 'node-redis');
    if (redis && (serverRan || (asked && redis.kind === 'none'))) lines.push(describeRedisSource(redis));
    const cluster = process.env.KATA_REDIS_CLUSTER_SOURCE;
    const clusterSource = cluster ? (JSON.parse(cluster) as RedisClusterSource) : undefined;
    const clusterRan = backends.some(isClusterBackend);
    if (clusterSource && clusterSource.kind !== 'none' && clusterRan)
      lines.push(describeRedisClusterSource(clusterSource));
    vitest.logger.log(painter()('bold', lines.join('\n')));
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    if (!this.vitest || specTargetFromEnv() === 'solutions') return;
    const root = this.vitest.config.root;
    const katas = new Set(specifications.map((spec) => kataIdOf(root, spec.moduleId)).filter((id) => id !== undefined));
    this.typecheck = typecheckForRun(root, [...katas].sort());
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ): Promise<void> {
    const vitest = this.vitest;
    if (!vitest || reason === 'interrupted') return;
    const root = vitest.config.root;
    const paint = painter();
    const lines: string[] = [];
    const typeErrors = await this.typecheck;
    if (typeErrors.length > 0) {
      lines.push('', ...typeErrorLines(root, typeErrors, paint));
      process.exitCode = 1;
    }
    if (specTargetFromEnv() === 'katas') lines.push(...this.kataLines(testModules));
    if (this.failures) lines.push(...otherFailureLines(root, testModules, unhandledErrors, paint));
    lines.push('', totalsLine(testModules, this.backends()));
    vitest.logger.log(lines.join('\n'));
  }

  /** Per kata that ran: its screen, or the green summary; and the progress file updated. */
  private kataLines(testModules: ReadonlyArray<TestModule>): string[] {
    const vitest = this.vitest as Vitest;
    const root = vitest.config.root;
    const paint = painter();
    const outcomes = collectOutcomes(root, testModules);
    const ranKatas = new Set([...outcomes.specs, ...outcomes.broken].map((outcome) => outcome.kataId));
    const katas = listKatas(root);
    let progress = readProgress(root);
    const lines: string[] = [];
    for (const [index, kata] of katas.entries()) {
      if (!ranKatas.has(kata.id)) continue;
      const readme = kataOutline(root, kata);
      const status = summarizeKata(kata, readme, outcomes);
      const wasDone = kataProgress(progress, kata.id).state === 'done';
      progress = recordRun(progress, status);
      const specs = outcomes.specs.filter((spec) => spec.kataId === kata.id);
      lines.push(
        '',
        ...(status.state === 'done'
          ? greenLines(status, readme.learned, nextKata(root, katas.slice(index + 1)), paint, !wasDone)
          : kataScreen(status, specs, {
              root,
              paint,
              backends: this.backends(),
              failures: this.failures,
              stepsOfFile: (file) => fileStepNumbers(root, file),
            })),
      );
    }
    try {
      writeProgress(root, progress);
    } catch {
      // A read-only checkout still gets the report.
    }
    return lines;
  }

  /** The backends of the run: its Vitest projects that are backends. */
  private backends(): BackendName[] {
    const names = this.vitest?.projects.map((project) => project.name) ?? [];
    return names.filter(isBackendName);
  }
}
