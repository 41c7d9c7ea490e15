/**
 * `pnpm kata serve <kata> [--solution] [--adapter mock|ioredis|node-redis|ioredis-cluster|node-redis-cluster]
 * [--port N] [--secure-cookies] [--log-level L]`: runs a kata's server for curl and the browser.
 * It logs every request (`--log-level info`, the default); `--log-level warn` logs only trouble,
 * as a benchmark wants. `--secure-cookies` (or `KATA_SECURE_COOKIES=1`) marks cookies `Secure`,
 * for a server behind HTTPS. The real clients use `--url`, else the Redis the specs would use
 * (`REDIS_URL`, else one started for this session); never an unknown server. The cluster
 * clients likewise: `--url` (seed URLs, comma-separated), else `REDIS_CLUSTER_URLS`, else a
 * 3-master cluster started for this session.
 * `REDLOCK_URLS` (three comma-separated Redis URLs) hands kata 08 its Redlock instances.
 */
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { BackendName, RedisAdapter } from '../../adapters/redis-adapter.js';
import { backendChoices, isBackendName, isClusterBackend, oneServerCounterpart } from '../backend-names.js';
import { createBackendAdapter } from '../backends.js';
import { provideRealRedis, type RealRedis } from '../redis-source/provision-redis.js';
import { provideRedisCluster } from '../redis-source/provision-redis-cluster.js';
import { requireKata } from '../workbook/find-kata.js';

export interface ServeOptions {
  kata: string;
  solution: boolean;
  adapter: BackendName;
  port: number;
  url: string | undefined;
  /** Cookies marked `Secure` (sent over HTTPS only): kata 02's session cookie. */
  secureCookies: boolean;
  /** `REDLOCK_URLS`: independent Redis servers for kata 08's Redlock (three, comma-separated). */
  redlockUrls: string[];
  /** pino's level: `info` (every request) by default. */
  logLevel: LogLevel;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];
const isLogLevel = (value: string): value is LogLevel => (LOG_LEVELS as readonly string[]).includes(value);

type BuildServer = (options: {
  redis: RedisAdapter;
  prefix?: string;
  logger?: unknown;
  secureCookies?: boolean;
  redlock?: RedisAdapter[];
  /** The environment, for servers with settings of their own (kata 06 reads QUEUE_WORKERS, QUEUE_VISIBILITY_MS). */
  env?: NodeJS.ProcessEnv;
}) => FastifyInstance | Promise<FastifyInstance>;

export function parseServeArguments(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const adapter = value('--adapter') ?? 'mock';
  if (!isBackendName(adapter)) throw new Error(`--adapter must be one of ${backendChoices}, not "${adapter}".`);
  const port = Number(value('--port') ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${value('--port')}".`);
  const logLevel = value('--log-level') ?? 'info';
  if (!isLogLevel(logLevel)) throw new Error(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);
  const kata = argv.find(
    (arg, index) => !arg.startsWith('--') && !argv[index - 1]?.match(/^--(adapter|port|url|log-level)$/),
  );
  if (!kata)
    throw new Error(
      `Which kata? Usage: pnpm kata serve <kata> [--solution] [--adapter ${backendChoices}] [--port N] [--secure-cookies] [--log-level L]`,
    );
  const secureCookies = argv.includes('--secure-cookies') || env.KATA_SECURE_COOKIES === '1';
  return {
    kata,
    solution: argv.includes('--solution'),
    adapter,
    port,
    url: value('--url') ?? (isClusterBackend(adapter) ? env.REDIS_CLUSTER_URLS : env.REDIS_URL),
    secureCookies,
    redlockUrls: parseRedlockUrls(env.REDLOCK_URLS, adapter),
    logLevel,
  };
}

/** `REDLOCK_URLS`: three comma-separated `redis://` URLs, for a real adapter; none when unset. */
export function parseRedlockUrls(value: string | undefined, adapter: BackendName): string[] {
  if (!value?.trim()) return [];
  const urls = value.split(',').map((url) => url.trim());
  if (urls.length !== 3 || !urls.every((url) => /^rediss?:\/\/\S+$/.test(url)))
    throw new Error(`REDLOCK_URLS must be three comma-separated redis:// URLs, not "${value}".`);
  if (adapter === 'mock') throw new Error('REDLOCK_URLS needs a real client: add --adapter ioredis or node-redis.');
  return urls;
}

async function redisUrlFor(options: ServeOptions): Promise<{ url: string; started: { stop(): Promise<void> } | null }> {
  if (options.adapter === 'mock') return { url: '', started: null };
  if (options.url) return { url: options.url, started: null };
  const started = isClusterBackend(options.adapter) ? await provideCluster() : await provideRealRedis();
  if (!started.url) throw new Error(`--adapter ${options.adapter} needs a Redis. ${started.description}`);
  console.log(`${started.description} (stopped on exit if started for this session)`);
  return { url: started.url, started };
}

async function provideCluster(): Promise<RealRedis> {
  const cluster = await provideRedisCluster();
  return { url: cluster.urls, description: cluster.description, stop: () => cluster.stop() };
}

export async function serve(root: string, options: ServeOptions): Promise<void> {
  const kata = requireKata(root, options.kata);
  const folder = options.solution ? 'solutions' : 'katas';
  const module = (await import(pathToFileURL(`${root}/${folder}/${kata.id}/server.ts`).href)) as {
    buildServer: BuildServer;
  };
  const { url, started } = await redisUrlFor(options);
  const redis = createBackendAdapter(options.adapter, url);
  // Redlock's instances are independent servers, not a cluster: the same client on one server each.
  const redlockBackend = oneServerCounterpart(options.adapter);
  const redlock = options.redlockUrls.map((redlockUrl) => createBackendAdapter(redlockBackend, redlockUrl));
  const app = await module.buildServer({
    redis,
    prefix: `kata:${kata.id}:`,
    logger: { level: options.logLevel },
    secureCookies: options.secureCookies,
    ...(redlock.length > 0 ? { redlock } : {}),
    env: process.env,
  });
  if (redlock.length > 0) console.log(`Redlock over ${options.redlockUrls.join(', ')} (REDLOCK_URLS).`);
  const stop = async () => {
    await app.close();
    await redis.close();
    await Promise.allSettled(redlock.map((instance) => instance.close()));
    await started?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = await app.listen({ port: options.port, host: '127.0.0.1' });
  const secure = options.secureCookies ? ', Secure cookies' : '';
  console.log(`\n${kata.id} (${folder}/, ${options.adapter}${secure}) listening on ${address}`);
  console.log(
    `API docs: ${address}/docs · health: ${address}/health\nRoutes:\n${app.printRoutes({ commonPrefix: false })}`,
  );
  if (url) console.log(`Another instance on the same Redis: ${anotherInstanceCommand(options, url)}`);
}

/** The command that serves the same kata on the next port and the same Redis (kata 07 runs two instances). */
export function anotherInstanceCommand(options: ServeOptions, url: string): string {
  const solution = options.solution ? ' --solution' : '';
  const logLevel = options.logLevel === 'info' ? '' : ` --log-level ${options.logLevel}`;
  return `pnpm kata serve ${options.kata}${solution} --adapter ${options.adapter} --port ${options.port === 0 ? 0 : options.port + 1} --url ${url}${logLevel}`;
}
