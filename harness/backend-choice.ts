/**
 * Which backends judge a run, one rule for every command (`pnpm test`, `pnpm kata`,
 * `pnpm kata watch`, the progress file): `--backend mock|ioredis|node-redis|ioredis-cluster|node-redis-cluster|all`, passed
 * to Vitest's config as `KATA_BACKEND`. The learner's commands default to the mock
 * (in memory, no server to start: the fastest loop); with `KATA_BACKEND` unset (`pnpm
 * verify`, `pnpm matrix`, CI, a bare `vitest`) every backend that can run here runs.
 */
import { type BackendName, backendChoices, isBackendName } from './backend-names.js';

/** One backend, or `all`: every backend that can run here. */
export type BackendChoice = BackendName | 'all';

/** The variable the CLI hands the choice to Vitest's config in. */
export const BACKEND_VARIABLE = 'KATA_BACKEND';

/** What the learner's commands run on unless told otherwise. */
export const LEARNER_DEFAULT_BACKEND: BackendChoice = 'mock';

/** `--backend` values, for usage lines. */
export const backendChoiceList = `${backendChoices}|all`;

export function isBackendChoice(value: string): value is BackendChoice {
  return value === 'all' || isBackendName(value);
}

/** Checks a `--backend` value; the error names the valid ones. */
export function parseBackendChoice(value: string): BackendChoice {
  if (isBackendChoice(value)) return value;
  throw new Error(`--backend must be one of ${backendChoiceList}, not "${value}".`);
}

/** The choice in the environment; `all` when none was made. */
export function backendChoiceFromEnv(env: NodeJS.ProcessEnv = process.env): BackendChoice {
  const value = env[BACKEND_VARIABLE]?.trim();
  return value ? parseBackendChoice(value) : 'all';
}

/** Whether the backend's project is part of a run with this choice (`all`: when it can run here). */
export function includesBackend(choice: BackendChoice, backend: BackendName, canRunHere: boolean): boolean {
  if (choice === 'all') return backend === 'mock' || canRunHere;
  return choice === backend;
}

/** The judge, in words, for the first line of a run: which backends, and how to choose others. */
export function describeJudge(backends: readonly BackendName[] | 'all'): string {
  if (backends === 'all')
    return `Judged on every backend that can run here (a step is green when it passes on each) · choose with --backend ${backendChoiceList}`;
  const which =
    backends.length === 1 && backends[0] === 'mock'
      ? 'the mock (in-memory Redis)'
      : backends.length === 1
        ? `${backends[0]} on a real Redis`
        : `${backends.join(', ')} (a step is green when it passes on each)`;
  return `Judged on ${which} · choose with --backend ${backendChoiceList}`;
}

/** Takes `--backend <name>` / `--backend=<name>` out of `argv`; the rest, and the value given (unchecked: see `parseBackendChoice`). */
export function takeBackendOption(argv: readonly string[]): { rest: string[]; backend: string | undefined } {
  const rest: string[] = [];
  let backend: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--backend') {
      backend = argv[index + 1] ?? '';
      index += 1;
    } else if (arg.startsWith('--backend=')) backend = arg.slice('--backend='.length);
    else rest.push(arg);
  }
  return { rest, backend };
}
