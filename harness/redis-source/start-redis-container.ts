import type { StartedRedis } from './start-redis-server.js';

/** Starts a throwaway `redis:7-alpine` container with testcontainers (loaded only when Docker answers). */
export async function startRedisContainer(): Promise<StartedRedis> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('redis:7-alpine')
    .withCommand(['redis-server', '--save', '', '--appendonly', 'no'])
    .withExposedPorts(6379)
    .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
    .start();
  const port = container.getMappedPort(6379);
  return {
    url: `redis://${container.getHost()}:${port}`,
    port,
    stop: async () => {
      await container.stop();
    },
  };
}
