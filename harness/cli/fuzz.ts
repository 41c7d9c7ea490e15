/**
 * `pnpm fuzz [--runs N] [--seed S]`: the long differential fuzz run. N random sequences
 * (default 2000) of 20–60 adapter operations on the mock, ioredis and node-redis in
 * lockstep; prints the shrunk repro of the first divergence outside the declared
 * allow-list (`harness/fuzz/declared-deviations.ts`) and exits 1, or exits 0.
 * The same seed runs the same sequences.
 */
import { closeFuzzBackends, openFuzzBackends, runDifferentialFuzz } from '../fuzz/differential-run.js';
import { detectEnvironment } from '../redis-source/detect-environment.js';
import { provisionRedis } from '../redis-source/provision-redis.js';
import { describeRedisSource, selectRedisSource } from '../redis-source/select-redis-source.js';

function numberFlag(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} needs a whole number, got ${argv[index + 1]}`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const known = new Set(['--runs', '--seed', '--']);
  const unknown = argv.filter((arg, i) => arg.startsWith('--') && !known.has(arg) && !known.has(argv[i - 1] ?? ''));
  if (unknown.length > 0)
    throw new Error(`pnpm fuzz does not know ${unknown.join(', ')}: it accepts --runs N, --seed S.`);
  const runs = numberFlag(argv, '--runs', 2000);
  const seed = numberFlag(argv, '--seed', Math.floor(Math.random() * 2 ** 31));
  const source = selectRedisSource(await detectEnvironment());
  const redis = await provisionRedis(source);
  if (!redis) throw new Error(`pnpm fuzz needs a real Redis: ${describeRedisSource(source)}`);
  const backends = openFuzzBackends(redis.url);
  const started = performance.now();
  try {
    console.log(
      `Fuzzing mock, ioredis and node-redis: ${runs} sequences, seed ${seed} (${describeRedisSource(source)})`,
    );
    const report = await runDifferentialFuzz(backends, { runs, seed });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const skipped = Object.entries(report.declaredSkips).map(([id, count]) => `${id} ×${count}`);
    console.log(`${report.runs} sequences, ${report.operations} operations on each backend in ${seconds} s`);
    console.log(`left out by the allow-list: ${skipped.length > 0 ? skipped.join(', ') : 'nothing'}`);
    if (report.divergence === null) {
      console.log('✓ no divergence');
      return 0;
    }
    console.log(`\n✗ divergence (shrunk; replay with --seed ${report.seed}):\n\n${report.divergence}`);
    return 1;
  } finally {
    await closeFuzzBackends(backends);
    await redis.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
