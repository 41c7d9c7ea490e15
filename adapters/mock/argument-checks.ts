import { classifyReplyError } from '../core/classify-reply-error.js';
import { parseInteger } from './redis-numbers.js';

/** Arguments (by index) that Redis parses as integers, for commands handed to the mock as they are. */
const integerArguments: Record<string, number[]> = {
  LRANGE: [2, 3],
  LTRIM: [2, 3],
  LREM: [2],
  LINDEX: [2],
  LSET: [2],
  ZREMRANGEBYRANK: [2, 3],
  GETRANGE: [2, 3],
  SETRANGE: [2],
  SETEX: [2],
  PSETEX: [2],
};

/** Optional counts that must be ≥ 0: LPOP key [count], RPOP key [count], SPOP key [count]. */
const positiveCounts = new Set(['LPOP', 'RPOP', 'SPOP']);

/**
 * Rejects what Redis rejects before looking at any key: `LRANGE k x 2`, `LPOP k -1`. The
 * mock takes them (LTRIM with "x" answers OK, LPOP with -1 answers nil).
 */
export function checkArguments(command: string, args: string[]): void {
  for (const index of integerArguments[command] ?? []) {
    if (parseInteger(args[index]) === null) {
      throw classifyReplyError('ERR value is not an integer or out of range', command);
    }
  }
  if (positiveCounts.has(command) && args[2] !== undefined) {
    const count = parseInteger(args[2]);
    if (count === null || count < 0n) throw classifyReplyError('ERR value is out of range, must be positive', command);
  }
}
