// TEMPORARY (conformance author's local runner while adapters/ioredis-mock.ts is missing). Delete me.
import { defineConfig } from 'vitest/config';
process.env.KATA_REDIS_SOURCE = JSON.stringify({ kind: 'redis-server', binary: '/usr/bin/redis-server' });
const specs = ['adapters/conformance/**/*.spec.ts'];
const real = (backend: 'ioredis' | 'node-redis') => ({
  extends: true as const,
  test: { name: backend, include: specs, provide: { backend }, globalSetup: ['./harness/global-setup.ts'] },
});
export default defineConfig({
  root: '/work/main',
  resolve: { alias: [{ find: /^.*\/adapters\/ioredis-mock\.js$/, replacement: '/tmp/conf/stub-mock.ts' }] },
  test: { testTimeout: 10_000, hookTimeout: 10_000, projects: [real('ioredis'), real('node-redis')] },
});
