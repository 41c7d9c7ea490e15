/** Command-line options of the kata benchmarks (`pnpm bench <kata> --rounds 5`). */

/** The positive integer after `name` in `argv` (`--rounds 5` → 5), or `fallback` when absent; throws on anything else. */
export function integerOption(name: string, fallback: number, argv: string[] = process.argv): number {
  const index = argv.indexOf(name);
  const value = index === -1 ? fallback : Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer.`);
  return value;
}
