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

const d = (
  id: string,
  area: DeviationArea,
  deviation: string,
  handling: MockDeviation['handling'],
  how: string,
  capability?: keyof Capabilities,
): MockDeviation => (capability ? { id, area, deviation, handling, how, capability } : { id, area, deviation, handling, how });

export const mockDeviations: readonly MockDeviation[] = [
  d('no-raw-command', 'commands', 'No `call`: a command line cannot be sent as strings.', 'normalised', '`sendCommand([NAME, …args])` calls the mock method of that name (`dispatch.ts`).'),
  d('missing-commands', 'commands', 'SELECT, HEXPIRE, SINTERCARD, XGROUP/XREADGROUP/XACK/XPENDING/XAUTOCLAIM, XTRIM, XDEL, ZRANDMEMBER, COPY, PUBSUB NUMPAT and others throw `Unsupported command`.', 'declared', '`UnsupportedCommandError` naming the command and how to run on a real Redis.'),
  d('missing-zunionstore', 'sorted-sets', 'ZUNIONSTORE is missing.', 'normalised', 'Emulated with WEIGHTS, AGGREGATE, set sources (score 1) and NaN → 0 (`zunionstore.ts`).'),
  d('missing-blocking-pops', 'lists', 'BLPOP, BRPOP, BLMOVE, BZPOPMIN, BZPOPMAX are missing; BRPOPLPUSH returns nil at once.', 'normalised', 'Polls the non-blocking pop every 10 ms until an element or the timeout; `close()` rejects a waiting pop with `RedisUnavailableError` (`blocking-pops.ts`).'),
  d('blocking-pops-poll', 'lists', 'Emulated blocking pops wake up to 10 ms late, and several waiting clients are not served first-come first-served.', 'declared', '`capabilities.blockingPops` is false.', 'blockingPops'),
  d('scan-skips-keys', 'keys', 'SCAN’s cursor is an index into the key list: keys deleted during a scan (SCAN + UNLINK) make it skip others.', 'normalised', 'SCAN walks keys in hash order with a hash cursor: every key present throughout is returned (`scan.ts`).'),
  d('scan-no-type', 'keys', 'SCAN … TYPE is rejected (`Uknown option TYPE`).', 'normalised', 'TYPE filters each page, as Redis does.'),
  d('incr-non-integer', 'strings', 'INCR/INCRBY/DECR/DECRBY add to anything: "8.5" → 9.5, "abc" → null, `INCRBY k 1.5` accepted.', 'normalised', 'Value and increment checked as Redis does: `ERR value is not an integer or out of range`, overflow refused (`integer-commands.ts`).'),
  d('incr-precision', 'strings', 'Counters are JS doubles: beyond 2^53 INCR loses precision.', 'normalised', 'The result is computed in 64-bit integers and written exactly.'),
  d('hincrby-non-integer', 'hashes', 'HINCRBY on a non-integer field stores NaN; a float increment is accepted.', 'normalised', '`ERR hash value is not an integer` / `ERR value is not an integer or out of range`.'),
  d('incrbyfloat-nan', 'strings', 'INCRBYFLOAT/HINCRBYFLOAT on non-floats, or with `inf`, store "NaN".', 'normalised', 'Redis’ float checks and errors, in Redis’ order.'),
  d('incrbyfloat-precision', 'strings', 'INCRBYFLOAT adds in doubles; Redis uses long doubles (results differ in the last digits beyond 2^53 or 17 digits).', 'declared', 'Left as is: only this list says so.'),
  d('set-options', 'strings', 'SET accepts EX with PX, `EX 0`, `EX 1.5` and `EX abc`.', 'normalised', '`ERR syntax error`, `ERR invalid expire time in \'set\' command`, `ERR value is not an integer or out of range` (`set-command.ts`).'),
  d('set-keepttl', 'strings', 'SET … KEEPTTL drops the TTL.', 'normalised', 'The TTL is read before and set again after.'),
  d('set-get', 'strings', 'SET … GET returns the new value.', 'normalised', 'Returns the old value (or nil), WRONGTYPE on a non-string.'),
  d('mget-wrong-type', 'strings', 'MGET returns the list or hash itself (or "NaN") for a key of another type.', 'normalised', 'nil for keys that are not strings, as Redis.'),
  d('expire-conditions', 'keys', 'EXPIRE/PEXPIRE/EXPIREAT/PEXPIREAT ignore NX, XX, GT and LT and always set.', 'normalised', 'Conditions checked against the current TTL (no TTL counts as infinite), incompatible flags refused (`expire-conditions.ts`).'),
  d('empty-containers-exist', 'keys', 'A list, set or sorted set emptied by LMOVE, RPOPLPUSH, LREM, LTRIM, SPOP, SMOVE, SINTERSTORE, ZREM, ZPOPMIN/MAX, ZREMRANGEBY* still EXISTS (TYPE says list/set/zset).', 'normalised', 'After such a command an empty container is deleted (`empty-keys.ts`).'),
  d('wrongtype-js-errors', 'errors', 'WRONGTYPE shows up as JS errors (`map.has is not a function`, `Key k does not contain a list`) or as silent wrong answers (GET of a list returns it, HLEN of a list counts it, ZSCORE of a string is nil).', 'normalised', 'Key types are checked before strings, hash, list, set and sorted-set commands: `WrongTypeError` with Redis’ message (`key-types.ts`).'),
  d('lenient-arguments', 'errors', 'Bad arguments pass: `LTRIM k x 1` → OK, `LRANGE k x 1` → [], `LPOP k -1` → nil; LMOVE from a missing source to a key of another type throws WRONGTYPE.', 'normalised', 'Integer arguments and counts of list commands are checked first, as Redis does; LMOVE/SMOVE from a missing source answer nil/0.'),
  d('error-replies-elsewhere', 'errors', 'Commands outside the emulated set keep the mock’s own checks and messages (some without a code, e.g. `XX and NX options at the same time are not compatible`).', 'declared', 'Classified as `RedisCommandError` (code `ERR` when none); `capabilities.errorReplies` is false.', 'errorReplies'),
  d('zadd-gt-lt', 'sorted-sets', 'ZADD GT/LT → syntax error, and `GT CH` adds a member named "CH".', 'normalised', 'ZADD is emulated whole: NX, XX, GT, LT, CH, INCR with Redis’ rules and errors (`zadd.ts`).'),
  d('zadd-incr', 'sorted-sets', 'ZADD INCR returns 0.', 'normalised', 'Returns the new score, or nil when NX/XX/GT/LT stopped it.'),
  d('zadd-ch-count', 'sorted-sets', 'ZADD CH counts members whose score did not change.', 'normalised', 'Counts added and really changed members.'),
  d('infinite-scores', 'sorted-sets', 'ZADD/ZINCRBY store NaN for `inf`, `+inf`, `-inf` and for scores that are not floats; replies say `Infinity`.', 'normalised', 'Scores parsed like Redis (`ERR value is not a valid float`), replies say `inf`/`-inf`.'),
  d('score-ranges', 'sorted-sets', 'Score bounds are truncated to integers, and `-inf`/`+inf` are exclusive, so ZRANGE BYSCORE, ZRANGEBYSCORE, ZCOUNT and ZREMRANGEBYSCORE miss members.', 'normalised', 'Ranges are cut from the whole sorted set with float and exclusive bounds (`sorted-set-range.ts`).'),
  d('zpop-count', 'sorted-sets', 'ZPOPMIN/ZPOPMAX with count 0 pop everything, accept negative counts, and reply with number scores.', 'normalised', 'Count 0 pops nothing, negatives are refused, scores are strings.'),
  d('multi-errors-lost', 'transactions', 'MULTI/EXEC loses per-command errors: a failing command rejects the whole `exec()`, or runs and answers null.', 'normalised', 'Commands run one by one through the emulations under the server lock; one outcome each, `BatchError` when any failed.'),
  d('watch-no-op-writes', 'transactions', 'WATCH aborts EXEC after writes that changed nothing (SADD of a member already there, DEL of a missing key).', 'normalised', 'WATCH is tracked by the adapter: only writes that changed a key (judged by their reply), expiry of a watched key, and scripts’ declared KEYS abort (`watch-registry.ts`).'),
  d('script-cache-per-connection', 'scripts', 'SCRIPT is missing, and EVALSHA works only on the connection that ran the same script by EVAL.', 'normalised', 'One script cache per server, filled by EVAL and SCRIPT LOAD; unknown SHA → `NoScriptError` (`scripts.ts`).'),
  d('lua-return-conversion', 'scripts', 'Script returns are not converted: 3.7 stays 3.7, booleans stay booleans, nil is undefined, and tables with holes or keys (`{ ok = … }`, `{ err = … }`) come back as unreadable proxies.', 'normalised', 'A Lua prelude converts as Redis: integers by truncation, true → 1, false → nil, tables → arrays up to the first nil, `ok`/`err` tables → status/error (`lua-prelude.ts`).'),
  d('lua-error-replies', 'scripts', 'No `redis.error_reply` / `redis.status_reply`; a failing `redis.call` reaches the caller as "null" (its text lost); `redis.pcall` returns `["Error: …"]`.', 'normalised', 'The prelude adds them; `redis.call` raises and `redis.pcall` returns `{ err = … }` with Redis’ text, WRONGTYPE checked first.'),
  d('lua-bypasses-emulation', 'scripts', '`redis.call` runs the raw mock command: ZADD GT, INCR checks, `inf` scores, empty-container deletion and the missing commands are not emulated inside scripts; `cjson`, `cmsgpack`, `bit`, `redis.sha1hex` are missing.', 'declared', '`capabilities.luaSemantics` is false.', 'luaSemantics'),
  d('publish-count', 'pubsub', 'PUBLISH counts a pattern once however many connections subscribed to it.', 'normalised', 'Counts every receiving subscription, as Redis (`subscription-counts.ts`).'),
  d('disconnect-keeps-listening', 'pubsub', 'A disconnected instance keeps receiving messages and counting as a subscriber.', 'normalised', '`close()` unsubscribes every channel and pattern first, and drops messages in flight.'),
  d('shared-in-process', 'server', 'Data lives in this process: other processes (another Vitest worker, a server started apart) do not see it.', 'declared', '`capabilities.sharedAcrossProcesses` is false.', 'sharedAcrossProcesses'),
  d('never-unavailable', 'server', 'The mock cannot go down or time out.', 'declared', '`capabilities.canBeUnavailable` is false; the harness simulates outages.', 'canBeUnavailable'),
  d('fake-timers-expire', 'server', 'Expiry follows `Date`, so Vitest fake timers expire keys; a real server’s TTLs never follow them.', 'declared', 'Left as is: specs use short real waits (STYLE.md §10). Blocking-pop timeouts use the real clock.'),
];

export { renderDeviationsTable } from './deviations-table.js';
