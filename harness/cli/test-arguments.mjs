// @ts-check
/**
 * `pnpm test` / `pnpm test:solutions` arguments, split into the workbook's own flags and
 * Vitest's. Plain JavaScript, like `test.mjs` which uses it: the learner's command starts
 * without a TypeScript loader (tsx costs about 0.4 s a run here).
 *
 *   --solutions          the specs import solutions/ instead of katas/ (a solutions/ path reads as katas/)
 *   --backend <name>     mock | ioredis | node-redis | all; the learner's default is the mock
 *   --verbose            Vitest's full output, then the kata summary
 *
 * Every other argument is Vitest's, passed on unchanged: one run unless `--watch` is given.
 */

/**
 * @typedef {object} TestArguments
 * @property {string[]} vitest Vitest's command line, starting with `vitest`.
 * @property {'katas' | 'solutions'} target Whose code the specs import.
 * @property {string | undefined} backend `--backend`, when given (unchecked).
 * @property {boolean} verbose Whether `--verbose` was given.
 * @property {boolean} ownReporter Whether a Vitest `--reporter` was given.
 * @property {boolean} projectGiven Whether Vitest's `--project` was given.
 */

/**
 * @param {string[]} argv the arguments after `pnpm test`
 * @returns {TestArguments}
 */
export function testArguments(argv) {
  /** @type {string[]} */
  const rest = [];
  let target = /** @type {'katas' | 'solutions'} */ ('katas');
  /** @type {string | undefined} */
  let backend;
  let verbose = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = /** @type {string} */ (argv[index]);
    if (arg === '--') continue;
    else if (arg === '--solutions') target = 'solutions';
    else if (arg === '--verbose') verbose = true;
    else if (arg === '--backend') {
      backend = argv[index + 1] ?? '';
      index += 1;
    } else if (arg.startsWith('--backend=')) backend = arg.slice('--backend='.length);
    else rest.push(arg);
  }
  const paths = rest.map((arg) => (target === 'solutions' ? arg.replace(/^(\.\/)?solutions\//, 'katas/') : arg));
  const watch = paths.some((arg) => arg === '--watch' || arg === '-w');
  return {
    vitest: ['vitest', ...(watch ? [] : ['run']), ...paths],
    target,
    backend,
    verbose,
    ownReporter: paths.some((arg) => arg === '--reporter' || arg.startsWith('--reporter=')),
    projectGiven: paths.some((arg) => arg === '--project' || arg.startsWith('--project=')),
  };
}
