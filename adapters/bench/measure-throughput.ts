export interface Throughput {
  /** Operations completed per second of wall time. */
  opsPerSecond: number;
  /** This process' CPU time (user + system) per operation, in microseconds. */
  cpuMicrosPerOp: number;
}

/**
 * A closed loop: `inFlight` workers each run `operation` again and again until `durationMs`
 * has passed. Bounded in time, never a tight spin: each operation awaits Redis. Besides
 * the rate it reports this process' CPU time per operation, which other processes on a
 * busy machine disturb far less than the rate.
 */
export async function measureThroughput(
  operation: (worker: number) => Promise<unknown>,
  inFlight: number,
  durationMs: number,
): Promise<Throughput> {
  let done = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async (index: number) => {
    while (performance.now() < deadline) {
      await operation(index);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, index) => worker(index)));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    opsPerSecond: done / ((performance.now() - started) / 1000),
    cpuMicrosPerOp: (cpu.user + cpu.system) / Math.max(1, done),
  };
}

export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
