/** Small helpers every kata benchmark uses: integer options from argv, timing, percentiles. */

/** `--name N` from the command line: a positive integer, else `fallback`. Throws on anything else. */
export function intOption(name: string, fallback: number, argv: string[] = process.argv): number {
  const index = argv.indexOf(name);
  const value = index === -1 ? fallback : Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer.`);
  return value;
}

/** The `p`th percentile (0–100) of `samples`, nearest-rank; `NaN` for no samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Runs `operation` `times` times, one after the other; each run's duration in ms. */
export async function timeEach(times: number, operation: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await operation(i);
    samples.push(performance.now() - started);
  }
  return samples;
}
