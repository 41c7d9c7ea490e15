// @ts-check
/**
 * `pnpm test [path] [--backend …] [--verbose] [vitest flags]` and `pnpm test:solutions`:
 * Vitest, in this process, on the backends `--backend` names (the learner's default: the
 * mock), with the learner's one-screen reporter unless `--verbose` or a `--reporter` is
 * given. Plain JavaScript so the command starts without a TypeScript loader; Vitest
 * loads the TypeScript config and reporters itself.
 */
import { readdirSync } from 'node:fs';
import { parseCLI, startVitest } from 'vitest/node';
import { startTypecheckEarly } from '../reporters/kata-typecheck.mjs';
import { testArguments } from './test-arguments.mjs';

const LEARNER_REPORTER = './harness/reporters/learner-reporter.ts';

// `--backend` is checked by vitest.config.ts (harness/backend-choice.ts), which says what is valid.
const parsed = testArguments(process.argv.slice(2));
// The learner runs on the mock unless told otherwise; the solutions, and a run that picks
// Vitest projects itself, on every backend that can run here.
const defaultBackend = parsed.target === 'solutions' || parsed.projectGiven ? 'all' : 'mock';
process.env.KATA_TARGET = parsed.target;
process.env.KATA_BACKEND = parsed.backend ?? process.env.KATA_BACKEND ?? defaultBackend;

const { filter, options } = parseCLI(parsed.vitest);
// Vite's transforms kept on disk between runs, as `module-cache-flags.ts` sets them for the
// CLI's other runs: about a third less CPU a run. One cache per target.
options.experimental = {
  fsModuleCache: true,
  fsModuleCachePath: `node_modules/.cache/redis-katas/vitest-${parsed.target}`,
  ...options.experimental,
};
// Type errors first: the check of the katas named on the command line starts now, beside
// Vitest's own start, and the learner's reporter shows its result before the specs'.
if (parsed.target === 'katas' && !parsed.ownReporter) {
  const katas = readdirSync('katas', { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const named = katas
    .map((entry) => entry.name)
    .filter((id) => filter.some((path) => `katas/${id}/`.startsWith(path.replace(/^\.\//, '').replace(/\/?$/, '/'))));
  if (named.length > 0) startTypecheckEarly(process.cwd(), named);
}
if (!parsed.ownReporter) {
  options.reporters =
    parsed.verbose || parsed.target === 'solutions'
      ? ['default', [LEARNER_REPORTER, { failures: false }]]
      : [[LEARNER_REPORTER, {}]];
}
try {
  const vitest = await startVitest('test', filter, options);
  if (!vitest.shouldKeepServer()) await vitest.exit();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode ??= 1;
  process.exit();
}
