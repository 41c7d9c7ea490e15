import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { katasOrSolutions, specTargetFromEnv } from './harness/katas-or-solutions.js';
import { detectEnvironment } from './harness/redis-source/detect-environment.js';
import {
  describeRedisSource,
  type RedisSource,
  selectRedisSource,
} from './harness/redis-source/select-redis-source.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const target = specTargetFromEnv();
// Vitest evaluates this file once per project: detect and announce once per process.
const detected = globalThis as { redisKatasSource?: RedisSource };
const source = detected.redisKatasSource ?? selectRedisSource(await detectEnvironment());
if (!detected.redisKatasSource) console.log(`[redis-katas] specs → ${target}/ · ${describeRedisSource(source)}`);
detected.redisKatasSource = source;
process.env.KATA_REDIS_SOURCE = JSON.stringify(source);

const specs = ['katas/**/*.spec.ts', 'adapters/**/*.spec.ts', 'server-kit/**/*.spec.ts'];
const unitTests = ['adapters/**/*.test.ts', 'harness/**/*.test.ts', 'server-kit/**/*.test.ts'];

const realProject = (backend: 'ioredis' | 'node-redis') => ({
  extends: true as const,
  test: {
    name: backend,
    include: specs,
    // The mock's deviations are probed on the mock alone.
    exclude: ['adapters/conformance/mock-deviations.spec.ts'],
    provide: { backend },
    globalSetup: ['./harness/global-setup.ts'],
  },
});

export default defineConfig({
  plugins: [katasOrSolutions(root, target)],
  test: {
    // Specs share nothing through module state (each test has its own adapter and prefix),
    // so one module graph per worker is safe, and it makes the suite about 3× faster.
    isolate: false,
    // Vitest's own output, then which kata step each failure belongs to and how to get a hint.
    reporters: ['default', './harness/reporters/kata-reporter.ts'],
    testTimeout: 10_000,
    hookTimeout: 10_000,
    projects: [
      {
        extends: true,
        test: { name: 'mock', include: [...specs, ...unitTests], provide: { backend: 'mock', redisUrl: '' } },
      },
      ...(source.kind === 'none' ? [] : [realProject('ioredis'), realProject('node-redis')]),
    ],
  },
});
