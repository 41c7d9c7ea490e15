import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { backendChoiceFromEnv, includesBackend } from './harness/backend-choice.js';
import { type BackendName, realBackendNames } from './harness/backend-names.js';
import { katasOrSolutions, specTargetFromEnv } from './harness/katas-or-solutions.js';
import { redisFreeSpecs } from './harness/redis-free-specs.js';
import { detectEnvironment } from './harness/redis-source/detect-environment.js';
import { NO_REDIS_HINT, type RedisSource, selectRedisSource } from './harness/redis-source/select-redis-source.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const target = specTargetFromEnv();
// `--backend` (the CLI) or every backend that can run here (`pnpm verify`, a bare `vitest`).
const choice = backendChoiceFromEnv();
// Vitest evaluates this file once per project: detect once per process, and only when a real backend may run.
const detected = globalThis as { redisKatasSource?: RedisSource };
const source: RedisSource =
  choice === 'mock'
    ? { kind: 'none', hint: NO_REDIS_HINT }
    : (detected.redisKatasSource ?? selectRedisSource(await detectEnvironment()));
if (choice !== 'mock' && choice !== 'all' && source.kind === 'none')
  throw new Error(`--backend ${choice} needs a real Redis. ${NO_REDIS_HINT}`);
detected.redisKatasSource = source;
process.env.KATA_REDIS_SOURCE = JSON.stringify(source);
const realRedisFound = source.kind !== 'none';
const runs = (backend: BackendName) => includesBackend(choice, backend, realRedisFound);

const specs = ['katas/**/*.spec.ts', 'adapters/**/*.spec.ts', 'server-kit/**/*.spec.ts'];
const unitTests = ['adapters/**/*.test.ts', 'harness/**/*.test.ts', 'server-kit/**/*.test.ts'];

const realProject = (backend: (typeof realBackendNames)[number]) => ({
  extends: true as const,
  test: {
    name: backend,
    include: specs,
    // The mock's deviations are probed on the mock alone, and specs with no Redis in them run once.
    // Browser specs run once too, on the mock: they test a page; the Redis behind it has its own specs.
    exclude: [
      'adapters/conformance/mock-deviations.spec.ts',
      'katas/**/*.browser.spec.ts',
      ...redisFreeSpecs(root, ['katas', 'adapters']),
    ],
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
    // The learner's CLI (`pnpm test`) passes its own reporter; a bare `vitest` run gets
    // Vitest's output, then the kata summary (no failures repeated) and where Redis came from.
    reporters: ['default', ['./harness/reporters/learner-reporter.ts', { failures: false }]],
    testTimeout: 10_000,
    hookTimeout: 10_000,
    projects: [
      ...(runs('mock')
        ? [
            {
              extends: true as const,
              test: {
                name: 'mock',
                include: [...specs, ...unitTests],
                provide: { backend: 'mock' as const, redisUrl: '' },
              },
            },
          ]
        : []),
      ...realBackendNames.filter(runs).map(realProject),
    ],
  },
});
