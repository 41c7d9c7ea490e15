/**
 * The Lua scripts the fuzzer runs: small, deterministic, and within what the mock's Lua
 * runs like Redis (see `declared-deviations.ts` for what it does not). Each gets `KEYS[1]`
 * and one `ARGV`.
 */
export const fuzzScripts: readonly string[] = [
  "return redis.call('GET', KEYS[1])",
  "return 'n=' .. (tonumber(ARGV[1]) or 0) / 2",
  "return redis.call('HGETALL', KEYS[1])",
  "return redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')",
  "return redis.pcall('LPUSH', KEYS[1], ARGV[1])",
  "return {1, {err = 'inside a table'}, 3}",
  "return redis.call('EXISTS', KEYS[1])",
  "return redis.call('INCR', KEYS[1])",
  "redis.call('SET', KEYS[1], ARGV[1]) return redis.call('GET', KEYS[1])",
  "return redis.call('LLEN', KEYS[1])",
  "return {1, 2, 'three', {4, 'five'}}",
  'return tonumber(ARGV[1])',
  'return 3.7',
  'return ARGV[1] == "1"',
  "return redis.error_reply('my error')",
  "return redis.status_reply('FINE')",
];
