/** Small helpers for kata benchmarks: timing one operation many times, and percentiles. */

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
