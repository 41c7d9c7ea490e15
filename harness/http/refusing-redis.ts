import { classifyReplyError } from '../../adapters/core/classify-reply-error.js';
import type { RedisAdapter } from '../../adapters/redis-adapter.js';
import { interceptAdapter } from '../intercept-adapter.js';

/**
 * `adapter`, except that every command, batch and script is refused with the error reply
 * `reply` (`OOM command not allowed …`), classified as the adapters classify a real one.
 * For specs of Redis trouble that a shared test server cannot be put into (out of memory,
 * busy, loading): CONFIG SET on it would hit every other spec running there.
 */
export function refusingRedis(adapter: RedisAdapter, reply: string): RedisAdapter {
  return interceptAdapter(adapter, () => Promise.reject(classifyReplyError(reply, 'SET')));
}

/** The error replies a Redis gives when it cannot work for now, word for word (Redis 7). */
export const REFUSALS = {
  oom: "OOM command not allowed when used memory > 'maxmemory'.",
  busy: 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.',
  loading: 'LOADING Redis is loading the dataset in memory',
  masterdown: "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
  readonly: "READONLY You can't write against a read only replica.",
  misconf:
    'MISCONF Redis is configured to save RDB snapshots, but it is currently not able to persist on disk. Commands that may modify the data set are disabled.',
} as const;
