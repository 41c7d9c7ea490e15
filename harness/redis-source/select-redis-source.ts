/**
 * Where the real-Redis backends get their server, in this order:
 * 1. `REDIS_URL`, when set: used as it is, never flushed;
 * 2. a throwaway `redis:7-alpine` container (testcontainers), when a Docker engine answers;
 * 3. a `redis-server` binary on PATH, started on a free port with no persistence;
 * 4. none: only the mock runs, and `hint` says how to add the real backends.
 */
export type RedisSource =
  | { kind: 'url'; url: string }
  | { kind: 'testcontainers' }
  | { kind: 'redis-server'; binary: string }
  | { kind: 'none'; hint: string };

export interface RedisSourceEnvironment {
  /** The `REDIS_URL` environment variable, if any. */
  redisUrl: string | undefined;
  /** Whether a Docker engine answered a ping. */
  dockerAnswers: boolean;
  /** The path of `redis-server` on PATH, or `null`. */
  redisServerBinary: string | null;
}

export const NO_REDIS_HINT =
  'Running on the in-memory mock only. To add the ioredis and node-redis backends: install Redis ' +
  '(`sudo apt-get install redis-server` or `brew install redis`), start Docker, or set REDIS_URL=redis://host:port.';

export function selectRedisSource(environment: RedisSourceEnvironment): RedisSource {
  const url = environment.redisUrl?.trim();
  if (url) return { kind: 'url', url };
  if (environment.dockerAnswers) return { kind: 'testcontainers' };
  if (environment.redisServerBinary) return { kind: 'redis-server', binary: environment.redisServerBinary };
  return { kind: 'none', hint: NO_REDIS_HINT };
}

/** One line for the test output saying where the real Redis comes from. */
export function describeRedisSource(source: RedisSource): string {
  switch (source.kind) {
    case 'url':
      return `Real backends use REDIS_URL (${redactUrl(source.url)}); the harness never flushes it.`;
    case 'testcontainers':
      return 'Real backends use a throwaway redis:7-alpine container (Docker).';
    case 'redis-server':
      return `Real backends use ${source.binary}, started by the harness on a free port.`;
    case 'none':
      return source.hint;
  }
}

/** `redis://user:secret@host:6379` → `redis://user:***@host:6379`. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');
}
