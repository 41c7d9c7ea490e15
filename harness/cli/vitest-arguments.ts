/**
 * Turns `pnpm test` / `pnpm test:solutions` arguments into Vitest's: one run unless
 * `--watch` is given, and a path under `solutions/` read as the matching `katas/` path,
 * where the specs live. Every other Vitest flag passes through unchanged.
 */
export type SpecTarget = 'katas' | 'solutions';

export function vitestArguments(argv: string[]): { args: string[]; target: SpecTarget } {
  const target: SpecTarget = argv.includes('--solutions') ? 'solutions' : 'katas';
  const rest = argv.filter((arg) => arg !== '--solutions' && arg !== '--');
  const watch = rest.some((arg) => arg === '--watch' || arg === '-w');
  const paths = rest.map((arg) => (target === 'solutions' ? arg.replace(/^(\.\/)?solutions\//, 'katas/') : arg));
  return { args: watch ? paths : ['run', ...paths], target };
}
