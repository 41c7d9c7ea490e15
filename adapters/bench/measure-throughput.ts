/**
 * A closed loop: `inFlight` workers each run `operation` again and again until `durationMs`
 * has passed. Returns operations per second. Bounded in time, never in a tight spin: each
 * operation awaits Redis.
 */
export async function measureThroughput(
  operation: (worker: number) => Promise<unknown>,
  inFlight: number,
  durationMs: number,
): Promise<number> {
  let done = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async (index: number) => {
    while (performance.now() < deadline) {
      await operation(index);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, index) => worker(index)));
  return done / ((performance.now() - started) / 1000);
}

export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
