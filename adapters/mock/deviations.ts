/**
 * What raw ioredis-mock 8.13.1 (with ioredis 5) does differently from Redis 7, each
 * confirmed by running it against redis-server 7.0, and what the mock adapter does about
 * it: `normalised` (emulated in `adapters/mock/`, so the adapter behaves like Redis) or
 * `declared` (left as is, and said by a capability or here). The conformance suite probes
 * these; `adapters/MOCK-DEVIATIONS.md` is rendered from this list.
 */
import type { Capabilities } from '../redis-adapter.js';

export type DeviationArea =
  | 'commands'
  | 'strings'
  | 'keys'
  | 'hashes'
  | 'lists'
  | 'sets'
  | 'sorted-sets'
  | 'transactions'
  | 'scripts'
  | 'pubsub'
  | 'errors'
  | 'server';

export interface MockDeviation {
  /** Stable kebab-case name. */
  readonly id: string;
  readonly area: DeviationArea;
  /** What raw ioredis-mock does wrong. */
  readonly deviation: string;
  readonly handling: 'normalised' | 'declared';
  /** What the adapter does, or how the difference is declared. */
  readonly how: string;
  /** For `declared`: the capability that is `false` on the mock because of it, if any. */
  readonly capability?: keyof Capabilities;
}

export const mockDeviations: readonly MockDeviation[] = [
  {
    id: 'no-raw-command',
    area: 'commands',
    deviation: 'No `call`: a command line cannot be sent as strings.',
    handling: 'normalised',
    how: '`sendCommand([NAME, …args])` calls the mock method of that name (`dispatch.ts`).',
  },
  {
    id: 'missing-commands',
    area: 'commands',
    deviation:
      'SELECT, HEXPIRE, SINTERCARD, XGROUP/XREADGROUP/XACK/XPENDING/XAUTOCLAIM, XTRIM, XDEL, ZRANDMEMBER, COPY, PUBSUB NUMPAT and others throw `Unsupported command`.',
    handling: 'declared',
    how: '`UnsupportedCommandError` naming the command and how to run on a real Redis.',
  },
  {
    id: 'missing-zunionstore',
    area: 'sorted-sets',
    deviation: 'ZUNIONSTORE is missing.',
    handling: 'normalised',
    how: 'Emulated with WEIGHTS, AGGREGATE, set sources (score 1) and NaN → 0 (`zunionstore.ts`).',
  },
  {
    id: 'missing-blocking-pops',
    area: 'lists',
    deviation: 'BLPOP, BRPOP, BLMOVE, BZPOPMIN, BZPOPMAX are missing; BRPOPLPUSH returns nil at once.',
    handling: 'normalised',
    how: 'Polls the non-blocking pop every 10 ms until an element or the timeout; `close()` rejects a waiting pop with `RedisUnavailableError` (`blocking-pops.ts`).',
  },
  {
    id: 'blocking-pops-poll',
    area: 'lists',
    deviation:
      'Emulated blocking pops wake up to 10 ms late, and several waiting clients are not served first-come first-served.',
    handling: 'declared',
    how: '`capabilities.blockingPops` is false.',
    capability: 'blockingPops',
  },
  {
    id: 'scan-skips-keys',
    area: 'keys',
    deviation:
      'SCAN’s cursor is an index into the key list: keys deleted during a scan (SCAN + UNLINK) make it skip others.',
    handling: 'normalised',
    how: 'SCAN walks keys in hash order with a hash cursor: every key present throughout is returned (`scan.ts`).',
  },
  {
    id: 'scan-no-type',
    area: 'keys',
    deviation: 'SCAN … TYPE is rejected (`Uknown option TYPE`); MATCH `?` matches a UTF-16 unit, not a byte.',
    handling: 'normalised',
    how: 'TYPE filters each page, as Redis does; MATCH works on UTF-8 bytes (`glob-match.ts`).',
  },
  {
    id: 'incr-non-integer',
    area: 'strings',
    deviation:
      'INCR/INCRBY/DECR/DECRBY add to anything: "8.5" → 9.5, "abc" → null, `INCRBY k 1.5` accepted; HINCRBY on a non-integer field stores NaN, and takes a float increment.',
    handling: 'normalised',
    how: 'Value and increment checked as Redis does: `ERR value is not an integer or out of range`, `ERR hash value is not an integer`, overflow refused (`integer-commands.ts`).',
  },
  {
    id: 'incr-precision',
    area: 'strings',
    deviation:
      'Counters are JS doubles: beyond 2^53 INCR loses precision, and back below it too (`INCR`, `INCRBY 2^53`, `INCRBY -2^53` → 0; Redis 1).',
    handling: 'normalised',
    how: 'Every result is computed in 64-bit integers and written exactly; the reply follows the adapter’s integer rule (`IntegerRangeError` beyond 2^53 − 1).',
  },
  {
    id: 'hash-prototype-fields',
    area: 'hashes',
    deviation:
      'Hash fields named `__proto__`, `toString` or `constructor` are lost, read as functions, or miscounted (HLEN 0, HEXISTS false, HDEL 0), and can make the key vanish.',
    handling: 'normalised',
    how: 'Hash commands work on own keys only and store with `Object.fromEntries` (`hash-commands.ts`).',
  },
  {
    id: 'hash-field-order',
    area: 'hashes',
    deviation:
      'A hash is a JS object: HGETALL, HKEYS and HVALS list integer-like field names ("2") first, then the others in insertion order; Redis lists a small hash in insertion order.',
    handling: 'declared',
    how: 'Left as is: `hGetAll` returns an object on every backend, where JS orders keys this way too; only a script that reads HGETALL sees the difference.',
  },
  {
    id: 'incrbyfloat-nan',
    area: 'strings',
    deviation:
      'INCRBYFLOAT/HINCRBYFLOAT on non-floats, or with `inf`, store "NaN"; they refuse hexadecimal ("0x1A") and write "1e+21" where Redis writes every digit.',
    handling: 'normalised',
    how: 'Redis’ float checks and errors, in Redis’ order; hexadecimal read, the sum written in plain digits.',
  },
  {
    id: 'incrbyfloat-precision',
    area: 'strings',
    deviation:
      'INCRBYFLOAT adds in doubles; Redis uses long doubles (`0.1 + 0.2` is "0.3" in Redis, 0.30000000000000004 in JS; `1e3 + 1e21` ends in 1024).',
    handling: 'normalised',
    how: 'Added as 80-bit long doubles in exact bigint arithmetic and printed as `%.17Lf` (`long-double.ts`).',
  },
  {
    id: 'set-options',
    area: 'strings',
    deviation:
      'SET accepts EX with PX, `EX 0`, `EX 1.5` and `EX abc`; SET and EXPIRE accept times that overflow (`EX 100000000000000000`).',
    handling: 'normalised',
    how: "`ERR syntax error`, `ERR invalid expire time in 'set' command` (and in 'expire'), `ERR value is not an integer or out of range` (`set-command.ts`).",
  },
  {
    id: 'set-keepttl',
    area: 'strings',
    deviation: 'SET … KEEPTTL drops the TTL.',
    handling: 'normalised',
    how: 'The TTL is read before and set again after.',
  },
  {
    id: 'set-get',
    area: 'strings',
    deviation: 'SET … GET returns the new value.',
    handling: 'normalised',
    how: 'Returns the old value (or nil), WRONGTYPE on a non-string.',
  },
  {
    id: 'mget-wrong-type',
    area: 'strings',
    deviation: 'MGET returns the list or hash itself (or "NaN") for a key of another type.',
    handling: 'normalised',
    how: 'nil for keys that are not strings, as Redis.',
  },
  {
    id: 'expire-conditions',
    area: 'keys',
    deviation:
      'EXPIRE/PEXPIRE/EXPIREAT/PEXPIREAT ignore NX, XX, GT and LT and always set; a TTL ≤ 0 leaves the key with a past expiry, so a later `SET … EX` on it is lost.',
    handling: 'normalised',
    how: 'Conditions checked against the current TTL (no TTL counts as infinite), incompatible flags refused; a TTL ≤ 0 deletes the key (`expire-conditions.ts`).',
  },
  {
    id: 'empty-containers-exist',
    area: 'keys',
    deviation:
      'A list, set or sorted set emptied by LMOVE, RPOPLPUSH, LREM, LTRIM, SPOP, SMOVE, SINTERSTORE, ZREM, ZPOPMIN/MAX, ZREMRANGEBY* still EXISTS (TYPE says list/set/zset).',
    handling: 'normalised',
    how: 'After such a command an empty container is deleted (`empty-keys.ts`).',
  },
  {
    id: 'wrongtype-js-errors',
    area: 'errors',
    deviation:
      'WRONGTYPE shows up as JS errors (`map.has is not a function`, `Key k does not contain a list`) or as silent wrong answers (GET of a list returns it, HLEN of a list counts it, ZSCORE of a string is nil).',
    handling: 'normalised',
    how: 'Key types are checked before strings, hash, list, set and sorted-set commands: `WrongTypeError` with Redis’ message (`key-types.ts`).',
  },
  {
    id: 'lenient-arguments',
    area: 'errors',
    deviation:
      'Bad arguments pass: `LTRIM k x 1` → OK, `LRANGE k x 1` → [], `LPOP k -1` → nil; LMOVE from a missing source to a key of another type throws WRONGTYPE; LRANGE/LTRIM do not clamp a start before the head (`LRANGE k -3 0` of 2 elements → []).',
    handling: 'normalised',
    how: 'Integer arguments and counts of list commands are checked first, as Redis does; LMOVE/SMOVE from a missing source answer nil/0; LRANGE/LTRIM use Redis’ index rules (`list-ranges.ts`).',
  },
  {
    id: 'error-replies-elsewhere',
    area: 'errors',
    deviation:
      'Commands outside the emulated set keep the mock’s own checks and messages (some without a code, e.g. `XX and NX options at the same time are not compatible`).',
    handling: 'declared',
    how: 'Classified as `RedisCommandError` (code `ERR` when none); `capabilities.errorReplies` is false.',
    capability: 'errorReplies',
  },
  {
    id: 'zadd-options',
    area: 'sorted-sets',
    deviation:
      'ZADD GT/LT → syntax error, and `GT CH` adds a member named "CH"; ZADD INCR returns 0; ZADD CH counts members whose score did not change.',
    handling: 'normalised',
    how: 'ZADD is emulated whole: NX, XX, GT, LT, CH, INCR with Redis’ rules and errors; INCR returns the new score, or nil when NX/XX/GT/LT stopped it; CH counts added and really changed members (`zadd.ts`).',
  },
  {
    id: 'infinite-scores',
    area: 'sorted-sets',
    deviation:
      'ZADD/ZINCRBY store NaN for `inf`, `+inf`, `-inf` and for scores that are not floats; replies say `Infinity`.',
    handling: 'normalised',
    how: 'Scores parsed like Redis (`ERR value is not a valid float`), replies say `inf`/`-inf`.',
  },
  {
    id: 'score-ranges',
    area: 'sorted-sets',
    deviation:
      'Score bounds are truncated to integers, and `-inf`/`+inf` are exclusive, so ZRANGE BYSCORE, ZRANGEBYSCORE, ZCOUNT and ZREMRANGEBYSCORE miss members; ties are ordered by UTF-16 unit, not byte (ZRANGE, ZRANK).',
    handling: 'normalised',
    how: 'Ranges are cut from the whole sorted set, ties in byte order, with float and exclusive bounds (`(` alone is above 0, as Redis reads it), `LIMIT 0 -1` allowed on a rank range (`sorted-set-range.ts`).',
  },
  {
    id: 'zpop-count',
    area: 'sorted-sets',
    deviation: 'ZPOPMIN/ZPOPMAX with count 0 pop everything, accept negative counts, and reply with number scores.',
    handling: 'normalised',
    how: 'Count 0 pops nothing, negatives are refused, scores are strings.',
  },
  {
    id: 'multi-errors-lost',
    area: 'transactions',
    deviation:
      'MULTI/EXEC loses per-command errors: a failing command rejects the whole `exec()`, or runs and answers null.',
    handling: 'normalised',
    how: 'Commands run one by one through the emulations under the server lock; one outcome each, `BatchError` when any failed.',
  },
  {
    id: 'watch-no-op-writes',
    area: 'transactions',
    deviation:
      'WATCH aborts EXEC after writes that changed nothing (SADD of a member already there, DEL of a missing key, ZADD XX/NX/GT/LT that wrote nothing, ZINCRBY 0, LTRIM of a missing key, an empty ZUNIONSTORE).',
    handling: 'normalised',
    how: 'WATCH is tracked by the adapter: only writes that changed a key (judged by their reply, or by the key before and after: `no-op-writes.ts`), expiry of a watched key, and scripts’ declared KEYS abort (`watch-registry.ts`).',
  },
  {
    id: 'script-cache-per-connection',
    area: 'scripts',
    deviation: 'SCRIPT is missing, and EVALSHA works only on the connection that ran the same script by EVAL.',
    handling: 'normalised',
    how: 'One script cache per server, filled by EVAL and SCRIPT LOAD; unknown SHA → `NoScriptError` (`scripts.ts`).',
  },
  {
    id: 'lua-return-conversion',
    area: 'scripts',
    deviation:
      'Script returns are not converted: 3.7 stays 3.7, booleans stay booleans, nil is undefined, and tables with holes or keys (`{ ok = … }`, `{ err = … }`) come back as unreadable proxies.',
    handling: 'normalised',
    how: 'Scripts run on Lua 5.4 (wasmoon) with Redis 7’s environment; results convert as Redis: integers by truncation (-0.5 → 0), true → 1, false → nil, tables → arrays up to the first nil, `ok`/`err` tables → status/error (`lua/reply.lua`).',
  },
  {
    id: 'lua-error-replies',
    area: 'scripts',
    deviation:
      'No `redis.error_reply` / `redis.status_reply`; a failing `redis.call` reaches the caller as "null" (its text lost), and WRONGTYPE or INCR of a non-integer inside a script often do not fail at all; `redis.pcall` returns `["Error: …"]`.',
    handling: 'normalised',
    how: 'Redis 7’s `redis` library, error texts (`… script: <sha>, on @user_script:<line>.`), read-only globals and `pcall`; a script that does not compile is not cached; one still running after 5 s of Lua is stopped with BUSY (`lua/`, `scripts.ts`).',
  },
  {
    id: 'lua-bypasses-emulation',
    area: 'scripts',
    deviation:
      '`redis.call` runs the raw mock command: ZADD GT, INCR checks, `inf` scores, empty-container deletion and the missing commands are not emulated inside scripts; `cjson`, `cmsgpack`, `bit`, `redis.sha1hex` are missing.',
    handling: 'normalised',
    how: '`redis.call` runs the command through the adapter’s own command path, so every emulation applies; `cjson`, `bit` and `redis.sha1hex` are provided (`cmsgpack` is not).',
  },
  {
    id: 'lua-numbers-not-doubles',
    area: 'scripts',
    deviation:
      'Lua numbers are not doubles: integers are 32-bit, so `tonumber("1700000000") * 1000` wraps to -807049216 (Redis’ Lua 5.1 has only doubles).',
    handling: 'declared',
    how: 'Fixed by Lua 5.4’s 64-bit integers, with numbers printed as Lua 5.1 prints them (`lua/lua51-compat.lua`). Left: a float with a whole value made by `/`, `^` or a literal such as `1e3` prints `.0` when joined with `..` (`"x" .. 10 / 2` is `x5.0`; Redis: `x5`); use `tostring` or `math.floor`. Rare runtime errors keep Lua 5.4’s wording.',
  },
  {
    id: 'publish-count',
    area: 'pubsub',
    deviation: 'PUBLISH counts a pattern once however many connections subscribed to it.',
    handling: 'normalised',
    how: 'Counts every receiving subscription, as Redis (`subscription-counts.ts`).',
  },
  {
    id: 'disconnect-keeps-listening',
    area: 'pubsub',
    deviation: 'A disconnected instance keeps receiving messages and counting as a subscriber.',
    handling: 'normalised',
    how: '`close()` unsubscribes every channel and pattern first, and drops messages in flight.',
  },
  {
    id: 'shared-in-process',
    area: 'server',
    deviation:
      'Data lives in this process: other processes (another Vitest worker, a server started apart) do not see it.',
    handling: 'declared',
    how: '`capabilities.sharedAcrossProcesses` is false.',
    capability: 'sharedAcrossProcesses',
  },
  {
    id: 'never-unavailable',
    area: 'server',
    deviation: 'The mock cannot go down or time out.',
    handling: 'declared',
    how: '`capabilities.canBeUnavailable` is false; the harness simulates outages.',
    capability: 'canBeUnavailable',
  },
  {
    id: 'time-rounded',
    area: 'server',
    deviation:
      'TIME rounds the seconds (12.6 s → 13) and takes the microseconds from `process.hrtime()`: the clock jumps a second ahead twice a second, in `redis.call("TIME")` too.',
    handling: 'normalised',
    how: 'TIME is emulated from `Date` with truncated seconds, also inside scripts (`server-time.ts`, `lua-prelude.ts`); millisecond resolution.',
  },
  {
    id: 'fake-timers-expire',
    area: 'server',
    deviation: 'Expiry follows `Date`, so Vitest fake timers expire keys; a real server’s TTLs never follow them.',
    handling: 'declared',
    how: 'Left as is: specs use short real waits, since fake timers cannot move a real server’s clock. Blocking-pop timeouts use the real clock.',
  },
];

export { renderDeviationsTable } from './deviations-table.js';
