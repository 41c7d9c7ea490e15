/**
 * Script calls per second on the mock adapter: a trivial script, and kata 03's sliding log
 * (five redis.call each). Run: `npx tsx adapters/mock/script-bench.ts`.
 */
import { createMockAdapter } from '../ioredis-mock.js';

const redis = createMockAdapter();
const script = redis.defineScript(`
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local time = redis.call('TIME')
local now = math.floor(time[1] * 1e3 + time[2] / 1e3)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then redis.call('ZADD', KEYS[1], now, ARGV[3]) redis.call('PEXPIRE', KEYS[1], window) count = count + 1 end
return count`);
const trivial = redis.defineScript('return 1');
for (const [name, run] of [
  ['return 1', () => trivial.run([], [])],
  ['sliding log (5 calls)', (i: number) => script.run(['bench:log'], [100, 60000, String(i)])],
] as const) {
  for (let i = 0; i < 20; i++) await run(i);
  const n = 300;
  const t = performance.now();
  for (let i = 0; i < n; i++) await run(i);
  const ms = performance.now() - t;
  console.log(`${name}: ${(n / (ms / 1000)).toFixed(0)} scripts/s (${(ms / n).toFixed(2)} ms each)`);
}
await redis.close();
