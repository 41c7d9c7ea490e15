import { RedisError } from './redis-error.js';

/**
 * Redis replied with an integer beyond ±`Number.MAX_SAFE_INTEGER` (2^53 − 1), which a JS
 * `number` cannot hold exactly. The command ran: Redis keeps the exact 64-bit value. Every
 * backend rejects such a reply the same way instead of rounding it, each in its own way.
 */
export class IntegerRangeError extends RedisError {
  override name = 'IntegerRangeError';
  /** The reply as text: exact when the client kept it (`'9223372036854775806'`). */
  readonly reply: string;

  constructor(reply: string) {
    super(
      `Redis replied ${reply}, an integer beyond ±Number.MAX_SAFE_INTEGER (9007199254740991) that a JS number cannot hold exactly. ` +
        'The command ran and Redis keeps the exact value: read it as a string (get, hGet), or keep counters within ±(2^53 − 1).',
    );
    this.reply = reply;
  }
}
