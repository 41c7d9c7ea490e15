/**
 * Redis trouble that is not the app's fault: the server cannot reach Redis, Redis did not
 * answer in time, or Redis answered but refuses to work for now (out of memory, busy in a
 * script, loading its dataset, a replica without its master, a read-only replica, a failed
 * snapshot). Each is a 503 with `Retry-After`; never a 500.
 */
export const REDIS_TROUBLE_REASONS = [
  'connection',
  'timeout',
  'oom',
  'busy',
  'loading',
  'masterdown',
  'readonly',
  'misconf',
] as const;
export type RedisTroubleReason = (typeof REDIS_TROUBLE_REASONS)[number];

export interface RedisTrouble {
  reason: RedisTroubleReason;
  /** What the client reads in the 503's `message`. */
  message: string;
  /** Whole seconds the client should wait before a retry (`Retry-After`). */
  retryAfterSeconds: number;
}

const troubles: Record<RedisTroubleReason, Omit<RedisTrouble, 'reason'>> = {
  connection: { message: 'Redis is unavailable; try again shortly.', retryAfterSeconds: 1 },
  timeout: { message: 'Redis did not answer in time; try again shortly.', retryAfterSeconds: 1 },
  oom: { message: 'Redis is out of memory and refuses writes; try again later.', retryAfterSeconds: 5 },
  busy: { message: 'Redis is busy running a script; try again shortly.', retryAfterSeconds: 1 },
  loading: { message: 'Redis is loading its dataset after a restart; try again shortly.', retryAfterSeconds: 2 },
  masterdown: { message: 'The Redis replica has lost its master; try again later.', retryAfterSeconds: 5 },
  readonly: { message: 'Redis is a read-only replica for now; try again later.', retryAfterSeconds: 5 },
  misconf: { message: 'Redis refuses writes because it cannot save to disk; try again later.', retryAfterSeconds: 5 },
};

/** The Redis error replies that mean "not now" rather than "wrong command", by their first word. */
const replyCodes: Record<string, RedisTroubleReason> = {
  OOM: 'oom',
  BUSY: 'busy',
  LOADING: 'loading',
  MASTERDOWN: 'masterdown',
  READONLY: 'readonly',
  MISCONF: 'misconf',
};

// At the start of the reply, or quoted inside another one (`EXECABORT …: OOM …`, a script's error).
const REPLY_CODE = /(?:^|[\s:-])(OOM|BUSY|LOADING|MASTERDOWN|READONLY|MISCONF) /;

export function redisTrouble(reason: RedisTroubleReason): RedisTrouble {
  return { reason, ...troubles[reason] };
}

/**
 * The Redis trouble behind `error`, or `null` when it is something else (a bug, bad input).
 * Reads the error by name and by its reply text, never by a client's error class:
 * `RedisUnavailableError` (with its `reason` when the adapter gives one), a reply error
 * starting with OOM, BUSY, LOADING, MASTERDOWN, READONLY or MISCONF, a MULTI aborted
 * because of one, a batch whose commands failed with one, or any of these as a `cause`.
 */
export function redisTroubleOf(error: unknown, depth = 0): RedisTrouble | null {
  if (!(error instanceof Error) || depth > 3) return null;
  if (error.name === 'RedisUnavailableError') return redisTrouble(reasonOfUnavailable(error));
  const code = REPLY_CODE.exec(error.message)?.[1];
  if (code && replyCodes[code]) return redisTrouble(replyCodes[code]);
  for (const inner of innerErrors(error)) {
    const trouble = redisTroubleOf(inner, depth + 1);
    if (trouble) return trouble;
  }
  return null;
}

/** The adapter's own `reason` when it gives one (`'timeout'`, `'oom'`…), else guessed from the message. */
function reasonOfUnavailable(error: Error): RedisTroubleReason {
  const { reason } = error as { reason?: unknown };
  if (typeof reason === 'string' && reason in troubles) return reason as RedisTroubleReason;
  return /did not answer|timed out|timeout/i.test(error.message) ? 'timeout' : 'connection';
}

/** A batch's failed commands (`BatchError.outcomes`) and the `cause` chain. */
function innerErrors(error: Error): unknown[] {
  const outcomes = (error as { outcomes?: unknown }).outcomes;
  const fromBatch = Array.isArray(outcomes)
    ? outcomes.flatMap((outcome) =>
        outcome && typeof outcome === 'object' && 'error' in outcome ? [outcome.error] : [],
      )
    : [];
  return [...fromBatch, error.cause];
}
