import type { Emulation } from './mock-context.js';

/**
 * TIME as Redis answers it: `[seconds, microseconds]`, the seconds truncated. ioredis-mock
 * rounds the seconds and takes the microseconds from `process.hrtime()`, so its clock jumps
 * a second ahead twice a second. This clock follows `Date`, as the mock's expiry does
 * (fake timers move both), with millisecond resolution.
 */
export function redisTime(nowMs: number = Date.now()): [string, string] {
  const ms = Math.floor(nowMs);
  return [String(Math.floor(ms / 1000)), String((ms % 1000) * 1000)];
}

export const emulateTime: Emulation = async () => redisTime();
