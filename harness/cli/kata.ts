/**
 * `pnpm kata <command>`: the workbook's command line. Every command works on the mock,
 * with no Redis; `<kata>` is a number or a name (`03`, `3`, `03-rate-limiter`,
 * `rate-limiter`). Commands are loaded on demand, so `pnpm kata hint` starts fast.
 */
import { fileURLToPath } from 'node:url';
import {
  backendChoiceList,
  LEARNER_DEFAULT_BACKEND,
  parseBackendChoice,
  takeBackendOption,
} from '../backend-choice.js';
import { backendChoices } from '../backend-names.js';
import { parseArguments } from './arguments.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// `--backend` is every judging command's (status, watch); the default is the learner's, as in `pnpm test`.
const { rest: words, backend: chosenBackend } = takeBackendOption(process.argv.slice(2).filter((arg) => arg !== '--'));
const [first, ...rest] = words;
// `pnpm kata` and `pnpm kata --solution` are `status`.
const statusByDefault = first === undefined || (first.startsWith('-') && first !== '--help' && first !== '-h');
const command = statusByDefault ? 'status' : (first as string);
const argv = statusByDefault && first !== undefined ? [first, ...rest] : rest;

const usage = `Usage: pnpm kata <command>

  pnpm kata                      status: every kata, steps green, the next thing to do
  pnpm kata watch <kata> [--all] re-run on save, focused on the first step not green
  pnpm kata hint <kata> [step]   the next hint for the current step (one level per call)
  pnpm kata reset <kata> [--yes] put that kata's starter files back as they were
  pnpm kata diff <kata> [file]   your files against the reference solution [--unified | --side-by-side]
  pnpm kata doctor               Node, pnpm, and which Redis backends can run here
  pnpm kata serve <kata> [--solution] [--adapter ${backendChoices}] [--port N] [--secure-cookies] [--log-level warn]
  pnpm kata status --solution    the status table for solutions/, every backend

<kata> is a number or a name: 01, 1, 01-simple-cache, simple-cache.
status and watch judge your code as pnpm test does: on the mock, unless --backend ${backendChoiceList}.`;

async function main(): Promise<number> {
  const backend = chosenBackend === undefined ? LEARNER_DEFAULT_BACKEND : parseBackendChoice(chosenBackend);
  switch (command) {
    case 'status': {
      const { flags } = parseArguments('status', argv, ['--solution', '--solutions']);
      const { learnerStatus, solutionStatus } = await import('./status.js');
      return flags.size > 0 ? solutionStatus(root) : learnerStatus(root, backend);
    }
    case 'watch': {
      const { positionals, flags } = parseArguments('watch', argv, ['--all']);
      return (await import('./watch.js')).watch(root, positionals[0], flags.has('--all'), backend);
    }
    case 'hint': {
      const { positionals } = parseArguments('hint', argv, []);
      return (await import('./hint.js')).hint(root, positionals[0], positionals[1]);
    }
    case 'reset': {
      const { positionals, flags } = parseArguments('reset', argv, ['--yes', '-y']);
      return (await import('./reset.js')).reset(root, positionals[0], flags.size > 0);
    }
    case 'diff': {
      const { positionals, flags } = parseArguments('diff', argv, ['--unified', '--side-by-side']);
      return (await import('./diff.js')).diff(root, positionals[0], positionals[1], flags);
    }
    case 'doctor':
      parseArguments('doctor', argv, []);
      return (await import('./doctor.js')).doctor();
    case 'serve': {
      const { parseServeArguments, serve } = await import('./serve.js');
      if (!argv.some((arg) => !arg.startsWith('-'))) {
        const { listKatas, UnknownKataError } = await import('../workbook/find-kata.js');
        throw new UnknownKataError('', listKatas(root));
      }
      await serve(root, parseServeArguments(argv));
      return 0;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return 0;
    default:
      console.error(`pnpm kata has no command "${command}".\n\n${usage}`);
      return 1;
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
