import { firstKeyTypes } from './key-types.js';
import { WRONGTYPE_MESSAGE } from './mock-errors.js';
import { redisTime } from './server-time.js';

/** Marks an error reply on its way out of the mock's Lua VM: `{ mark, text }`. */
export const RETURNED_ERROR = '__redis_katas_returned_error__';
export const RAISED_ERROR = '__redis_katas_raised_error__';

const typeTable = [...firstKeyTypes()].map(([command, type]) => `${command} = '${type}'`).join(', ');

/**
 * Lua run before the learner's script, all on line 1 so the script's line numbers stay
 * right. It gives the mock's fengari VM what Redis' Lua has and the mock lacks:
 * - `redis.error_reply`, `redis.status_reply`, `redis.log`;
 * - `redis.call` that raises `{ err = "WRONGTYPE …" }` (Redis' text, not a JS error the
 *   mock loses), checks key types first and INCR's value (the mock adds to anything), and
 *   `redis.pcall` that returns `{ err = … }`;
 * - `__kr`, which converts the return value as Redis does: numbers truncated to integers,
 *   `true` → 1, `false` → nil, `{ ok = s }` → s, `{ err = s }` → an error, tables → arrays
 *   up to the first nil (the mock keeps 3.7 and booleans, and cannot read other tables);
 * - a `pcall` around the script, so that raised errors come back as values.
 */
const PRELUDE = [
  'redis.error_reply = function(m) return { err = m } end',
  'redis.status_reply = function(m) return { ok = m } end',
  'redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING = 0, 1, 2, 3',
  'redis.log = function() end',
  'local __raw = redis.call',
  `local __types = { ${typeTable} }`,
  'local __counters = { INCR = true, INCRBY = true, DECR = true, DECRBY = true }',
  'local function __fail(e) local text = string.gsub(tostring(e), "^%a*Error: ", "")',
  `if string.find(text, "does not contain a") or string.find(text, "is not a function") then return "${WRONGTYPE_MESSAGE}" end`,
  `if string.find(text, "reading 'bind'") or string.find(text, "^Unsupported command") then return "ERR Unknown Redis command called from script (or one the in-memory mock lacks)" end`,
  'if string.find(text, "^%u[%u_]+ ") then return text end return "ERR " .. text end',
  'local function __try(...) if string.upper(tostring((...))) == "TIME" then return { __time[1], __time[2] } end',
  'local want = __types[string.upper(tostring((...)))] local key = select(2, ...)',
  `if want and key ~= nil then local t = __raw("TYPE", key) if type(t) == "string" and t ~= "none" and t ~= want then return nil, "${WRONGTYPE_MESSAGE}" end end`,
  'local name = string.upper(tostring((...)))',
  'if __counters[name] and key ~= nil then local v = __raw("GET", key)',
  `if type(v) == "string" and not (v == "0" or string.find(v, "^%-?[1-9]%d*$")) then return nil, "ERR value is not an integer or out of range" end end`,
  'local ok, result = pcall(__raw, ...) if ok then return result end return nil, __fail(result) end',
  'redis.call = function(...) local r, e = __try(...) if e then error({ err = e }) end return r end',
  'redis.pcall = function(...) local r, e = __try(...) if e then return { err = e } end return r end',
  'local __kr; __kr = function(v) local t = type(v)',
  "if t == 'number' then if v >= 0 then return math.floor(v) else return math.ceil(v) end",
  "elseif t == 'boolean' then if v then return 1 else return false end",
  "elseif t == 'table' then",
  `if type(v.err) == 'string' then return { '${RETURNED_ERROR}', v.err } end`,
  "if type(v.ok) == 'string' then return v.ok end",
  // Filled from the end: the mock reads a table as an array only if `next` visits n … 1.
  'local n, out = 0, {} while v[n + 1] ~= nil do n = n + 1 end for i = n, 1, -1 do out[i] = __kr(v[i]) end',
  'return out else return v end end',
].join(' ');

/** The script as the mock runs it: the prelude, then the learner's source inside `pcall`. */
export function wrapScript(source: string, nowMs: number = Date.now()): string {
  // TIME inside the script: Redis' clock at the start of the script (the mock's is wrong).
  const [seconds, microseconds] = redisTime(nowMs);
  return [
    `local __time = { "${seconds}", "${microseconds}" } ${PRELUDE} local __ok, __result = pcall(function() ${source}`,
    'end) if __ok then return __kr(__result) end',
    `if type(__result) == 'table' and type(__result.err) == 'string' then return { '${RAISED_ERROR}', __result.err } end`,
    `return { '${RAISED_ERROR}', tostring(__result) }`,
  ].join('\n');
}
