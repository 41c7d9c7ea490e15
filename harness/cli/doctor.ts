/**
 * `pnpm kata doctor`: the tools the workbook needs, where a real Redis would come from,
 * and which backends can run here; for each that cannot, the one command that fixes it.
 */
import { spawnSync } from 'node:child_process';
import { clusterBackendNames, serverBackendNames } from '../backend-names.js';
import { detectClusterEnvironment, detectEnvironment, findOnPath } from '../redis-source/detect-environment.js';
import { parseClusterUrls } from '../redis-source/select-redis-cluster-source.js';
import { type RedisSource, redactUrl, selectRedisSource } from '../redis-source/select-redis-source.js';
import { clusterVerdict } from './doctor-cluster.js';
import { type ProbeResult, probeRedisUrl } from './probe-redis-url.js';
import { describeRedisVersion, MINIMUM_REDIS, redisServerVersion } from './redis-version.js';
import { columns, painter } from './terminal.js';

/** `sudo apt-get install redis-server`, `brew install redis`…: how to get `redis-server` on this machine. */
export function installRedisCommand(platform = process.platform, path = process.env.PATH ?? ''): string {
  if (platform === 'darwin') return 'brew install redis';
  if (platform === 'win32') return 'start Docker Desktop (the harness then runs Redis in a container)';
  if (findOnPath('apt-get', path)) return 'sudo apt-get install redis-server';
  if (findOnPath('dnf', path)) return 'sudo dnf install redis';
  if (findOnPath('apk', path)) return 'sudo apk add redis';
  return 'docker run -d -p 6379:6379 redis:7-alpine, then export REDIS_URL=redis://127.0.0.1:6379';
}

function version(command: string, args: string[]): string | null {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 5000, shell: process.platform === 'win32' });
  return result.status === 0 ? result.stdout.trim().replace(/^git version /, '') : null;
}

/** Node lines the workbook supports: the maintained LTS lines. 20 still runs (CI keeps it green) but is past its end of life. */
export const SUPPORTED_NODE = 'Node 22 (22.12+) or 24 LTS';

/** `supported` (22.12+, 24+), `end-of-life` (20.19+: runs, unsupported) or `too-old`. */
export function nodeSupport(nodeVersion: string): 'supported' | 'end-of-life' | 'too-old' {
  const match = /(\d+)\.(\d+)/.exec(nodeVersion);
  const [major, minor] = [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
  if (major >= 24 || (major === 22 && minor >= 12) || major === 23) return 'supported';
  if (major > 20 || (major === 20 && minor >= 19)) return 'end-of-life';
  return 'too-old';
}

/** Prints the report; exit code 1 only when even the mock cannot run (Node too old). */
export async function doctor(): Promise<number> {
  const paint = painter();
  const ok = (text: string) => `${paint('green', '✓')} ${text}`;
  const no = (text: string) => `${paint('red', '✗')} ${text}`;
  const node = nodeSupport(process.version);
  const nodeCell = {
    supported: ok(`supported (${SUPPORTED_NODE})`),
    'end-of-life': `${paint('yellow', '!')} runs, but this line is past its end of life → install ${SUPPORTED_NODE}`,
    'too-old': no(`too old → fix: install ${SUPPORTED_NODE}`),
  }[node];
  const pnpm = /pnpm\/(\S+)/.exec(process.env.npm_config_user_agent ?? '')?.[1] ?? version('pnpm', ['--version']);
  const git = version('git', ['--version']);
  const tools = [
    ['Node', process.version, nodeCell],
    ['pnpm', pnpm ?? '—', pnpm ? ok('') : no('→ fix: npm install -g pnpm')],
    ['git', git ?? '—', git ? ok('for pnpm kata reset') : no(`→ fix: install git (pnpm kata reset needs it)`)],
  ];
  const environment = await detectEnvironment();
  const url = environment.redisUrl?.trim();
  const ping = url ? await probeRedisUrl(url) : undefined;
  const clusterEnvironment = detectClusterEnvironment();
  const seeds = parseClusterUrls(clusterEnvironment.clusterUrls);
  const seed = seeds[0];
  const seedProbe = seed ? await probeRedisUrl(seed) : undefined;
  const sources = [
    [
      'REDIS_URL',
      url
        ? `${redactUrl(url)} ${ping?.ok ? ok(`answers PING${ping.version ? `, Redis ${ping.version}` : ''}`) : no(ping?.ok === false ? ping.reason : '')}`
        : 'not set',
    ],
    ['Docker', environment.dockerAnswers ? ok('answers') : 'not answering'],
    [
      'REDIS_CLUSTER_URLS',
      seed
        ? `${seeds.map(redactUrl).join(',')} ${seedProbe?.ok ? ok('first seed answers PING') : no(seedProbe?.ok === false ? seedProbe.reason : '')}`
        : 'not set',
    ],
    ['redis-server', environment.redisServerBinary ? ok(environment.redisServerBinary) : 'not on PATH'],
  ];
  const cluster = clusterVerdict(
    {
      ...clusterEnvironment,
      seedProbe,
      redisServerVersion: clusterEnvironment.redisServerBinary
        ? redisServerVersion(clusterEnvironment.redisServerBinary)
        : undefined,
    },
    installRedisCommand(),
  );
  const clusterCell = cluster.runs ? ok(`runs here, ${cluster.how}`) : no(`${cluster.why} → fix: ${cluster.fix}`);
  const source = selectRedisSource(environment);
  const release = serverVersion(source, ping);
  const fixVersion = `install Redis ${MINIMUM_REDIS.major}.${MINIMUM_REDIS.minor} or later, or run docker run -d -p 6379:6379 redis:7-alpine and export REDIS_URL=redis://127.0.0.1:6379`;
  const versionCheck = describeRedisVersion(release, fixVersion);
  let real: string;
  if (source.kind === 'url' && ping?.ok === false)
    real = no(`REDIS_URL ${ping.reason} → fix: unset REDIS_URL (the harness then finds or starts a Redis itself)`);
  else if (source.kind === 'url') real = ok('runs here, on REDIS_URL');
  else if (source.kind === 'testcontainers') real = ok('runs here, in a throwaway redis:7-alpine container');
  else if (source.kind === 'redis-server') real = ok(`runs here, on ${source.binary} started by the harness`);
  else real = no(`needs a Redis → fix: ${installRedisCommand()}`);
  if (source.kind !== 'none' && !(source.kind === 'url' && ping?.ok === false))
    real = versionCheck.ok ? `${real}, ${versionCheck.text}` : no(versionCheck.text);
  const backends = [
    ['mock', ok('runs here (in memory, needs nothing)')],
    ...serverBackendNames.map((name) => [name, real]),
    ...clusterBackendNames.map((name) => [name, clusterCell]),
  ];
  const block = (rows: string[][]) => columns(rows).map((line) => `  ${line}`);
  console.log(
    [
      ...block(tools),
      '',
      'Where a real Redis comes from (the first that works):',
      ...block(sources),
      '',
      'Backends:',
      ...block(backends),
    ].join('\n'),
  );
  return node === 'too-old' ? 1 : 0;
}

/** The version of the Redis the real backends would use: asked from REDIS_URL, read from the binary, known for the image. */
function serverVersion(source: RedisSource, ping: ProbeResult | undefined): string | undefined {
  if (source.kind === 'url') return ping?.ok ? ping.version : undefined;
  if (source.kind === 'redis-server') return redisServerVersion(source.binary);
  if (source.kind === 'testcontainers') return '7.0';
  return undefined;
}
