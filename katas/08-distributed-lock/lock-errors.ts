/**
 * Provided: you do not need to edit this file.
 *
 * The errors of this kata. Each says what happened and what to do next.
 */

/** `acquireWithRetry` could not take the lock before its timeout. */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
  constructor(
    readonly resource: string,
    readonly timeoutMs: number,
  ) {
    super(`The lock on "${resource}" stayed taken for ${timeoutMs} ms; try again later.`);
  }
}

/**
 * The holder no longer owns its lock: another owner took it (`taken`), or no renewal was
 * confirmed before its TTL ran out (`expired`). Stop writing: what you do now is not exclusive.
 */
export class LockLostError extends Error {
  override name = 'LockLostError';
  constructor(
    readonly resource: string,
    readonly reason: 'taken' | 'expired',
  ) {
    super(
      reason === 'taken'
        ? `The lock on "${resource}" now belongs to another owner; stop writing.`
        : `The lock on "${resource}" may have expired: no renewal was confirmed within its TTL; stop writing.`,
    );
  }
}

/**
 * Fewer Redlock instances answered than the quorum needs: no lock can be granted or
 * refused. Named `RedisUnavailableError` so servers answer 503, like any Redis outage.
 */
export class QuorumUnavailableError extends Error {
  override name = 'RedisUnavailableError';
  constructor(
    readonly answered: number,
    readonly quorum: number,
  ) {
    super(`Only ${answered} Redis instance(s) answered; Redlock needs ${quorum}. Try again when they are back.`);
  }
}

/** A booking kept losing WATCH races: too much contention on one resource. */
export class BookingContentionError extends Error {
  override name = 'BookingContentionError';
  constructor(
    readonly resource: string,
    readonly attempts: number,
  ) {
    super(`Booking "${resource}" lost ${attempts} WATCH races in a row; try again.`);
  }
}
