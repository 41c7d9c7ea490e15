/** Which Redis server versions the katas need, and the check `kata doctor` makes. */
import { spawnSync } from 'node:child_process';

/** The oldest Redis every kata runs on: kata 03's fixed window uses `PEXPIRE key ms NX`, new in 7.0. */
export const MINIMUM_REDIS = { major: 7, minor: 0, why: 'PEXPIRE … NX (kata 03) is new in Redis 7.0' } as const;

/** `7.0.15` → whether it is at least `MINIMUM_REDIS`; `undefined` for a version it cannot read. */
export function meetsMinimumRedis(version: string | undefined): boolean | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return undefined;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > MINIMUM_REDIS.major || (major === MINIMUM_REDIS.major && minor >= MINIMUM_REDIS.minor);
}

/** The version of a `redis-server` binary (`Redis server v=7.0.15 sha=…`), or `undefined`. */
export function redisServerVersion(binary: string): string | undefined {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 5000 });
  return /\bv=(\d+\.\d+(?:\.\d+)?)/.exec(result.stdout ?? '')?.[1];
}

/** `7.0.15 ✓` or `6.2.14 ✗ too old: … → fix: …`, for the doctor's table. */
export function describeRedisVersion(version: string | undefined, fix: string): { ok: boolean; text: string } {
  const meets = meetsMinimumRedis(version);
  const needs = `needs ${MINIMUM_REDIS.major}.${MINIMUM_REDIS.minor}+`;
  if (meets === undefined) return { ok: true, text: `version unknown (${needs})` };
  if (meets) return { ok: true, text: `Redis ${version} (${needs})` };
  return { ok: false, text: `Redis ${version} is too old: ${MINIMUM_REDIS.why} → fix: ${fix}` };
}
