/**
 * `pnpm kata doctor`: the tools the workbook needs, where a real Redis would come from,
 * and which backends can run here; for each that cannot, the one command that fixes it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectEnvironment, findOnPath } from '../redis-source/detect-environment.js';
import { redactUrl, selectRedisSource } from '../redis-source/select-redis-source.js';
import { pingRedis } from './ping-redis.js';
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

/** `>=20.19` and `v20.20.2` → true. */
export function satisfiesMinimum(range: string, nodeVersion: string): boolean {
  const wanted = /(\d+)\.(\d+)/.exec(range);
  const actual = /(\d+)\.(\d+)/.exec(nodeVersion);
  if (!wanted || !actual) return true;
  const [major, minor] = [Number(actual[1]), Number(actual[2])];
  return major > Number(wanted[1]) || (major === Number(wanted[1]) && minor >= Number(wanted[2]));
}

/** Prints the report; exit code 1 only when even the mock cannot run (Node too old). */
export async function doctor(root: string): Promise<number> {
  const paint = painter();
  const ok = (text: string) => `${paint('green', '✓')} ${text}`;
  const no = (text: string) => `${paint('red', '✗')} ${text}`;
  const engines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } })
    .engines?.node;
  const nodeOk = satisfiesMinimum(engines ?? '', process.version);
  const pnpm = /pnpm\/(\S+)/.exec(process.env.npm_config_user_agent ?? '')?.[1] ?? version('pnpm', ['--version']);
  const git = version('git', ['--version']);
  const tools = [
    ['Node', process.version, nodeOk ? ok(`needs ${engines}`) : no(`needs ${engines} → fix: install Node 22 LTS`)],
    ['pnpm', pnpm ?? '—', pnpm ? ok('') : no('→ fix: npm install -g pnpm')],
    ['git', git ?? '—', git ? ok('for pnpm kata reset') : no(`→ fix: install git (pnpm kata reset needs it)`)],
  ];
  const environment = await detectEnvironment();
  const url = environment.redisUrl?.trim();
  const ping = url ? await pingRedis(url) : undefined;
  const sources = [
    [
      'REDIS_URL',
      url
        ? `${redactUrl(url)} ${ping?.ok ? ok('answers PING') : no(ping?.ok === false ? ping.reason : '')}`
        : 'not set',
    ],
    ['Docker', environment.dockerAnswers ? ok('answers') : 'not answering'],
    ['redis-server', environment.redisServerBinary ? ok(environment.redisServerBinary) : 'not on PATH'],
  ];
  const source = selectRedisSource(environment);
  let real: string;
  if (source.kind === 'url' && ping?.ok === false)
    real = no(`REDIS_URL ${ping.reason} → fix: unset REDIS_URL (the harness then finds or starts a Redis itself)`);
  else if (source.kind === 'url') real = ok('runs here, on REDIS_URL');
  else if (source.kind === 'testcontainers') real = ok('runs here, in a throwaway redis:7-alpine container');
  else if (source.kind === 'redis-server') real = ok(`runs here, on ${source.binary} started by the harness`);
  else real = no(`needs a Redis → fix: ${installRedisCommand()}`);
  const backends = [
    ['mock', ok('runs here (in memory, needs nothing)')],
    ['ioredis', real],
    ['node-redis', real],
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
  return nodeOk ? 0 : 1;
}
