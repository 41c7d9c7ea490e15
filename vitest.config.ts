import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { katasOrSolutions, specTargetFromEnv } from './harness/katas-or-solutions.js';
import { detectEnvironment } from './harness/redis-source/detect-environment.js';
import { describeRedisSource, selectRedisSource } from './harness/redis-source/select-redis-source.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const target = specTargetFromEnv();
const source = selectRedisSource(await detectEnvironment());
process.env.KATA_REDIS_SOURCE = JSON.stringify(source);
if (!process.env.KATA_QUIET) console.log(`[redis-katas] specs → ${target}/ · ${describeRedisSource(source)}`);

const specs = ['katas/**/*.spec.ts', 'adapters/**/*.spec.ts'];
const unitTests = ['adapters/**/*.test.ts', 'harness/**/*.test.ts'];

const realProject = (backend: 'ioredis' | 'node-redis') => ({
  extends: true as const,
  test: { name: backend, include: specs, provide: { backend }, globalSetup: ['./harness/global-setup.ts'] },
});

export default defineConfig({
  plugins: [katasOrSolutions(root, target)],
  test: {
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
