import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { backendChoiceFromEnv, includesBackend } from './harness/backend-choice.js';
import {
  type BackendName,
  clusterBackendNames,
  isClusterBackend,
  serverBackendNames,
} from './harness/backend-names.js';
import { katasOrSolutions, specTargetFromEnv } from './harness/katas-or-solutions.js';
import { redisFreeSpecs } from './harness/redis-free-specs.js';
import { detectClusterEnvironment, detectEnvironment } from './harness/redis-source/detect-environment.js';
import {
  NO_CLUSTER_HINT,
  type RedisClusterSource,
  selectRedisClusterSource,
} from './harness/redis-source/select-redis-cluster-source.js';
import { NO_REDIS_HINT, type RedisSource, selectRedisSource } from './harness/redis-source/select-redis-source.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const target = specTargetFromEnv();
// `--backend` (the CLI) or every backend that can run here (`pnpm verify`, a bare `vitest`).
const choice = backendChoiceFromEnv();
// Vitest evaluates this file once per project: detect once per process, and only when a real backend may run.
const detected = globalThis as { redisKatasSource?: RedisSource; redisKatasClusterSource?: RedisClusterSource };
const wantsServer = choice === 'all' || (serverBackendNames as readonly string[]).includes(choice);
const wantsCluster = choice === 'all' || (clusterBackendNames as readonly string[]).includes(choice);
const source: RedisSource = wantsServer
  ? (detected.redisKatasSource ?? selectRedisSource(await detectEnvironment()))
  : { kind: 'none', hint: NO_REDIS_HINT };
const clusterSource: RedisClusterSource = wantsCluster
  ? (detected.redisKatasClusterSource ?? selectRedisClusterSource(detectClusterEnvironment()))
  : { kind: 'none', hint: NO_CLUSTER_HINT };
if (choice !== 'all' && wantsServer && source.kind === 'none')
  throw new Error(`--backend ${choice} needs a real Redis. ${NO_REDIS_HINT}`);
if (choice !== 'all' && wantsCluster && clusterSource.kind === 'none')
  throw new Error(`--backend ${choice} needs a Redis Cluster. ${NO_CLUSTER_HINT}`);
detected.redisKatasSource = source;
detected.redisKatasClusterSource = clusterSource;
process.env.KATA_REDIS_SOURCE = JSON.stringify(source);
process.env.KATA_REDIS_CLUSTER_SOURCE = JSON.stringify(clusterSource);
const canRunHere = (backend: BackendName) =>
  backend === 'mock' || (isClusterBackend(backend) ? clusterSource.kind !== 'none' : source.kind !== 'none');
const runs = (backend: BackendName) => includesBackend(choice, backend, canRunHere(backend));

const specs = ['katas/**/*.spec.ts', 'adapters/**/*.spec.ts', 'server-kit/**/*.spec.ts'];
const unitTests = ['adapters/**/*.test.ts', 'harness/**/*.test.ts', 'server-kit/**/*.test.ts'];

const realProject = (backend: Exclude<BackendName, 'mock'>) => ({
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
    // One Redis (or one cluster) for the whole run, started once and shared by the projects that need it.
    globalSetup: [isClusterBackend(backend) ? './harness/global-setup-cluster.ts' : './harness/global-setup.ts'],
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
      ...serverBackendNames.filter(runs).map(realProject),
      ...clusterBackendNames.filter(runs).map(realProject),
    ],
  },
});
