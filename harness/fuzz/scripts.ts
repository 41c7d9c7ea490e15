/**
 * The Lua scripts the fuzzer runs: small, deterministic, and within what the mock's Lua
 * runs like Redis today (see `lua-bypasses-emulation` in `declared-deviations.ts`). Each
 * gets `KEYS[1]` and one `ARGV`. Not yet: `return redis.call('GET', KEYS[1])`, whose empty
 * string comes back as nil from the mock's Lua.
 */
export const fuzzScripts: readonly string[] = [
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
