/** A benchmark's `--name N` option: a positive integer, or `fallback` when absent. */
export function positiveIntegerOption(name: string, fallback: number, argv: readonly string[] = process.argv): number {
  const index = argv.indexOf(name);
  const value = index === -1 ? fallback : Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer.`);
  return value;
}
