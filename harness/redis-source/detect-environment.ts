import { accessSync, constants, existsSync } from 'node:fs';
import { request } from 'node:http';
import { delimiter, join } from 'node:path';
import type { RedisClusterEnvironment } from './select-redis-cluster-source.js';
import type { RedisSourceEnvironment } from './select-redis-source.js';

/** Reads what `selectRedisSource` needs from this machine. Takes at most ~0.5 s. */
export async function detectEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<RedisSourceEnvironment> {
  return {
    redisUrl: env.REDIS_URL,
    dockerAnswers: await dockerAnswers(env),
    redisServerBinary: findOnPath('redis-server', env.PATH ?? ''),
  };
}

/** What the cluster source needs from this machine: `REDIS_CLUSTER_URLS` and `redis-server` on PATH. */
export function detectClusterEnvironment(env: NodeJS.ProcessEnv = process.env): RedisClusterEnvironment {
  return { clusterUrls: env.REDIS_CLUSTER_URLS, redisServerBinary: findOnPath('redis-server', env.PATH ?? '') };
}

export function findOnPath(command: string, path: string): string | null {
  for (const directory of path.split(delimiter).filter(Boolean)) {
    const candidate = join(directory, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Pings the Docker engine on its Unix socket (or DOCKER_HOST's); `false` when nothing answers. */
export function dockerAnswers(env: NodeJS.ProcessEnv, timeoutMs = 500): Promise<boolean> {
  const target = dockerTarget(env);
  if (!target) return Promise.resolve(false);
  return new Promise((resolve) => {
    const ping = request({ ...target, path: '/_ping', timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    ping.on('timeout', () => ping.destroy());
    ping.on('error', () => resolve(false));
    ping.end();
  });
}

function dockerTarget(env: NodeJS.ProcessEnv): { socketPath: string } | { host: string; port: number } | null {
  const host = env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host?.startsWith('tcp://')) {
    const url = new URL(host.replace('tcp://', 'http://'));
    return { host: url.hostname, port: Number(url.port || 2375) };
  }
  return existsSync('/var/run/docker.sock') ? { socketPath: '/var/run/docker.sock' } : null;
}
