import { emulateExpire } from './expire-conditions.js';
import { hashEmulations } from './hash-commands.js';
import { emulateFloatIncrement, emulateIncrement } from './integer-commands.js';
import { emulateMove } from './list-moves.js';
import { emulateLRange, emulateLTrim } from './list-ranges.js';
import { emulateMGet } from './mget.js';
import type { Emulation } from './mock-context.js';
import { emulatePublish } from './publish.js';
import { emulateScan } from './scan.js';
import { emulateEval, emulateEvalSha, emulateScript } from './scripts.js';
import { emulateTime } from './server-time.js';
import { emulateSet } from './set-command.js';
import { emulateZCount, emulateZPop, emulateZRemRangeByScore, emulateZScore } from './sorted-set-commands.js';
import { emulateZRange, emulateZRank } from './sorted-set-range.js';
import { emulateZAdd, emulateZIncrBy } from './zadd.js';
import { emulateZUnionStore } from './zunionstore.js';

/**
 * The commands the mock driver does not hand to ioredis-mock as they are, by upper-case
 * name. Each emulation's file says what the mock gets wrong. Blocking pops are handled by
 * the driver (see `blocking-pops.ts`), WATCH/UNWATCH by the WATCH session.
 */
export const emulations: Readonly<Record<string, Emulation>> = {
  SET: emulateSet,
  MGET: emulateMGet,
  INCR: emulateIncrement,
  INCRBY: emulateIncrement,
  DECR: emulateIncrement,
  DECRBY: emulateIncrement,
  ...hashEmulations,
  HINCRBY: emulateIncrement,
  INCRBYFLOAT: emulateFloatIncrement,
  HINCRBYFLOAT: emulateFloatIncrement,
  EXPIRE: emulateExpire,
  PEXPIRE: emulateExpire,
  EXPIREAT: emulateExpire,
  PEXPIREAT: emulateExpire,
  SCAN: emulateScan,
  LRANGE: emulateLRange,
  LTRIM: emulateLTrim,
  LMOVE: emulateMove,
  RPOPLPUSH: emulateMove,
  SMOVE: emulateMove,
  ZADD: emulateZAdd,
  ZINCRBY: emulateZIncrBy,
  ZSCORE: emulateZScore,
  ZMSCORE: emulateZScore,
  ZRANK: emulateZRank,
  ZREVRANK: emulateZRank,
  ZRANGE: emulateZRange,
  ZRANGEBYSCORE: emulateZRange,
  ZREVRANGEBYSCORE: emulateZRange,
  ZREVRANGE: emulateZRange,
  ZCOUNT: emulateZCount,
  ZREMRANGEBYSCORE: emulateZRemRangeByScore,
  ZPOPMIN: emulateZPop,
  ZPOPMAX: emulateZPop,
  ZUNIONSTORE: emulateZUnionStore,
  EVAL: emulateEval,
  EVALSHA: emulateEvalSha,
  SCRIPT: emulateScript,
  PUBLISH: emulatePublish,
  TIME: emulateTime,
};
